package org.tributary.node.event;

import java.time.Instant;

/** One person's latest answer to an event. */
public record Rsvp(long statusId, long accountId, RsvpAnswer answer, Instant updatedAt) {
}
