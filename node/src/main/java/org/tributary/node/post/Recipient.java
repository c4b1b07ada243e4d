package org.tributary.node.post;

/** An account a post is addressed to by name; {@code mentioned} when the post also carries its Mention tag. */
public record Recipient(long accountId, boolean mentioned) {
}
