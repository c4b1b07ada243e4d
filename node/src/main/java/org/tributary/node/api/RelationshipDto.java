package org.tributary.node.api;

/** What the viewer's relation to another account is ({@code /api/v1/accounts/relationships}). */
public record RelationshipDto(String id, boolean following, boolean requested, boolean followedBy, boolean blocking,
        boolean muting, boolean showingReblogs, boolean notifying, String note) {
}
