package org.tributary.node.event;

import java.time.Instant;

/** An event, keyed by its post; {@code endTime} and {@code place} may be {@code null}. */
public record Event(long statusId, String name, Instant startTime, Instant endTime, Place place) {
}
