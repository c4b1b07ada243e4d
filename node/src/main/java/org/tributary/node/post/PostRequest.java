package org.tributary.node.post;

/**
 * What an employee asks to post or to change: the text they typed, a content warning (empty for none),
 * whether the media is sensitive, and an optional BCP 47 language tag. {@code visibility} and
 * {@code inReplyToId} matter only for a new post.
 */
public record PostRequest(String text, Visibility visibility, Long inReplyToId, String spoilerText,
        boolean sensitive, String language) {
    public PostRequest {
        spoilerText = spoilerText == null ? "" : spoilerText.strip();
        language = language == null || language.isBlank() ? null : language.strip();
    }

    public static PostRequest text(String text, Visibility visibility) {
        return new PostRequest(text, visibility, null, "", false, null);
    }
}
