package org.tributary.node.api;

import java.util.List;

/** Mastodon's Tag entity: name, this node's page for it, daily use over the last week, and whether the viewer follows it. */
public record TagEntityDto(String name, String url, List<TagHistoryDto> history, boolean following) {

    /** One day of a tag's use; Mastodon writes all three as strings (the day as a UNIX timestamp). */
    public record TagHistoryDto(String day, String uses, String accounts) {
    }
}
