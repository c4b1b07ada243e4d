package org.tributary.federation.spi;

import java.time.Instant;
import java.util.List;

/**
 * The durable outbound queue. The node writes the jobs in the same transaction as the activity they
 * carry, so an accepted post is never lost before it is delivered.
 */
public interface DeliveryQueue {

    /** Stores new jobs (their ids are ignored and assigned by the queue) and returns them with their ids. */
    List<DeliveryJob> enqueue(List<DeliveryJob> jobs);

    /**
     * Takes up to {@code max} jobs due at or before {@code now}, oldest first. A claimed job is not
     * handed out again until it is rescheduled (or, after a crash, until the node releases stale claims).
     */
    List<DeliveryJob> claimDue(Instant now, int max);

    /** The job was delivered; it leaves the queue. */
    void markDelivered(DeliveryJob job);

    /**
     * The job goes back to the queue as given: the store keeps {@code job.attempts()} as is and makes it
     * due at {@code nextAttemptAt}.
     */
    void reschedule(DeliveryJob job, Instant nextAttemptAt, String lastError);

    /** The job will not be retried automatically; an admin may retry it. */
    void deadLetter(DeliveryJob job, String lastError);
}
