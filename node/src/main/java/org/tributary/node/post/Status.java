package org.tributary.node.post;

import java.net.URI;
import java.time.Instant;

/**
 * A post, written here or received from a peer. {@code contentHtml} is always sanitized HTML;
 * {@code spoilerText} is plain text (empty when there is no content warning); {@code language} and
 * {@code editedAt} are {@code null} when unknown or never edited.
 */
public record Status(long id, URI uri, long accountId, Visibility visibility, String contentHtml, URI inReplyTo,
        boolean local, Instant createdAt, String spoilerText, boolean sensitive, String language,
        Instant editedAt) {

    public Status {
        spoilerText = spoilerText == null ? "" : spoilerText;
    }

    /** A post without content warning, language or edits. */
    public Status(long id, URI uri, long accountId, Visibility visibility, String contentHtml, URI inReplyTo,
            boolean local, Instant createdAt) {
        this(id, uri, accountId, visibility, contentHtml, inReplyTo, local, createdAt, "", false, null, null);
    }

    /** The same post with new content, as after an edit. */
    public Status edited(String newContentHtml, String newSpoilerText, boolean newSensitive, String newLanguage,
            Instant at) {
        return new Status(id, uri, accountId, visibility, newContentHtml, inReplyTo, local, createdAt, newSpoilerText,
                newSensitive, newLanguage, at);
    }
}
