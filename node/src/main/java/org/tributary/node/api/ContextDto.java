package org.tributary.node.api;

import java.util.List;

/** {@code GET /api/v1/statuses/:id/context}: the posts before and after one post that the viewer may read. */
public record ContextDto(List<StatusDto> ancestors, List<StatusDto> descendants) {
}
