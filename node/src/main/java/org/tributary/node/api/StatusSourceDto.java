package org.tributary.node.api;

/** {@code GET /api/v1/statuses/:id/source}: what the author typed, for editing. */
public record StatusSourceDto(String id, String text, String spoilerText) {
}
