package org.tributary.node.post;

import java.util.Locale;

/**
 * Who may see a post. Only {@link #DEPARTMENT} never leaves the node; {@link #ORGANIZATION} is
 * addressed to the ActivityStreams Public collection, which on this closed network means every
 * allowlisted node and nothing beyond.
 */
public enum Visibility {
    ORGANIZATION, DEPARTMENT, FOLLOWERS, DIRECT;

    public static Visibility parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            // Mastodon clients send their own words; map them onto ours.
            case "public", "organization", "unlisted" -> ORGANIZATION;
            case "local", "department" -> DEPARTMENT;
            case "private", "followers" -> FOLLOWERS;
            case "direct" -> DIRECT;
            default -> throw new IllegalArgumentException("unknown visibility " + value);
        };
    }

    /** The word a Mastodon client expects for this level. */
    public String mastodonName() {
        return switch (this) {
            case ORGANIZATION -> "public";
            case DEPARTMENT -> "local";
            case FOLLOWERS -> "private";
            case DIRECT -> "direct";
        };
    }
}
