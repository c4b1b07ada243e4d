package org.tributary.node.delivery;

import java.net.URI;
import java.time.Instant;

/** A delivery that ran out of attempts (or was refused for good), as the admin API lists it. */
public record DeadDelivery(long id, URI activityId, URI inbox, int attempts, String lastError, Instant failedAt) {
}
