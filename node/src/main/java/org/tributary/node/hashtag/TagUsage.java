package org.tributary.node.hashtag;

import java.time.LocalDate;

/** How much a tag was used on one UTC day: posts, and distinct authors (Mastodon's tag history). */
public record TagUsage(LocalDate day, long uses, long accounts) {
}
