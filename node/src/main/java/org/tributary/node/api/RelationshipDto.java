package org.tributary.node.api;

/** What the viewer's relation to another account is ({@code /api/v1/accounts/relationships}). */
public record RelationshipDto(String id, boolean following, boolean requested, boolean requestedBy,
        boolean followedBy, boolean blocking, boolean blockedBy, boolean muting, boolean mutingNotifications,
        boolean domainBlocking, boolean endorsed, boolean showingReblogs, boolean notifying, String note) {
}
