package org.tributary.node.api;

/** A mentioned account inside a status, as Mastodon clients read it. */
public record MentionDto(String id, String username, String url, String acct) {
}
