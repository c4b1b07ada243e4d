package org.tributary.node.hashtag;

import java.util.List;

/** A tag as one employee sees it: its name, whether they follow it, and its use over the last days, newest first. */
public record TagInfo(String name, boolean following, List<TagUsage> history) {
}
