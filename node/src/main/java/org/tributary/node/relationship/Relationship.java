package org.tributary.node.relationship;

/**
 * What one account's relation to another is, from the first one's side: follows in both directions
 * (accepted or requested), blocks in both directions, and whether it mutes the other.
 */
public record Relationship(long otherId, boolean following, boolean requested, boolean followedBy,
        boolean requestedBy, boolean blocking, boolean blockedBy, boolean muting, boolean mutingNotifications) {
}
