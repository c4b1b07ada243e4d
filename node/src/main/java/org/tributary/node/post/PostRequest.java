package org.tributary.node.post;

import java.util.List;

/**
 * What an employee asks to post or to change: the text they typed, a content warning (empty for none),
 * whether the media is sensitive, an optional BCP 47 language tag, and the ids of their uploads to
 * attach, in order (empty for none). {@code visibility} and {@code inReplyToId} matter only for a new post.
 */
public record PostRequest(String text, Visibility visibility, Long inReplyToId, String spoilerText,
        boolean sensitive, String language, List<Long> mediaIds) {
    public PostRequest {
        text = text == null ? "" : text;
        spoilerText = spoilerText == null ? "" : spoilerText.strip();
        language = language == null || language.isBlank() ? null : language.strip();
        mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
    }

    /** A request without media. */
    public PostRequest(String text, Visibility visibility, Long inReplyToId, String spoilerText, boolean sensitive,
            String language) {
        this(text, visibility, inReplyToId, spoilerText, sensitive, language, List.of());
    }

    public static PostRequest text(String text, Visibility visibility) {
        return new PostRequest(text, visibility, null, "", false, null);
    }
}
