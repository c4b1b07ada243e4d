package org.tributary.node.event;

import java.time.Instant;
import org.tributary.node.post.Visibility;

/** A new event: its name, what the post says about it, when, where and who may see it. */
public record EventRequest(String name, String description, Instant startTime, Instant endTime, Place place,
        Visibility visibility) {
}
