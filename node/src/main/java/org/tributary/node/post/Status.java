package org.tributary.node.post;

import java.net.URI;
import java.time.Instant;

/** A post, written here or received from a peer. {@code contentHtml} is always sanitized HTML. */
public record Status(long id, URI uri, long accountId, Visibility visibility, String contentHtml, URI inReplyTo,
        boolean local, Instant createdAt) {
}
