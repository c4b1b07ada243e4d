package org.tributary.federation.spi;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One activity to be POSTed to one inbox. The body is kept as bytes because it is signed (digest) as is.
 *
 * @param id            assigned by the {@link DeliveryQueue}; {@link #UNSAVED} before it is enqueued
 * @param signingKeyId  the key id of the local actor that signs the request
 * @param attempts      how many delivery attempts have been made so far
 * @param nextAttemptAt when the job is due
 */
public record DeliveryJob(
        long id,
        URI activityId,
        URI inbox,
        byte[] body,
        URI signingKeyId,
        int attempts,
        Instant nextAttemptAt) {

    /** The id of a job that no queue has stored yet. */
    public static final long UNSAVED = 0L;

    public DeliveryJob {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(signingKeyId, "signingKeyId");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    /** A job that has not been tried yet and is due at {@code dueAt}. */
    public static DeliveryJob unsaved(URI activityId, URI inbox, byte[] body, URI signingKeyId, Instant dueAt) {
        return new DeliveryJob(UNSAVED, activityId, inbox, body, signingKeyId, 0, dueAt);
    }

    public DeliveryJob withId(long newId) {
        return new DeliveryJob(newId, activityId, inbox, body, signingKeyId, attempts, nextAttemptAt);
    }

    /** The job after one more attempt, due again at {@code dueAt}. */
    public DeliveryJob afterAttempt(Instant dueAt) {
        return new DeliveryJob(id, activityId, inbox, body, signingKeyId, attempts + 1, dueAt);
    }

    /** The job postponed to {@code dueAt} without counting an attempt (e.g. the peer's circuit is open). */
    public DeliveryJob postponedTo(Instant dueAt) {
        return new DeliveryJob(id, activityId, inbox, body, signingKeyId, attempts, dueAt);
    }
}
