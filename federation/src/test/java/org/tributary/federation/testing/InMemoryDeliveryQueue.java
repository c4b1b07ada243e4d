package org.tributary.federation.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.federation.spi.DeliveryQueue;

/**
 * A {@link DeliveryQueue} in memory that also remembers what became of each job, so tests can check
 * attempts, errors and dead letters.
 */
public final class InMemoryDeliveryQueue implements DeliveryQueue {

    /** A job that will not be retried, with the reason. */
    public record DeadLetter(DeliveryJob job, String lastError) { }

    private long nextId = 1;
    private final Map<Long, DeliveryJob> pending = new LinkedHashMap<>();
    private final Map<Long, DeliveryJob> claimed = new LinkedHashMap<>();
    private final Map<Long, String> lastErrors = new LinkedHashMap<>();
    private final List<DeliveryJob> delivered = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    @Override
    public synchronized List<DeliveryJob> enqueue(List<DeliveryJob> jobs) {
        List<DeliveryJob> stored = new ArrayList<>();
        for (DeliveryJob job : jobs) {
            DeliveryJob withId = job.withId(nextId++);
            pending.put(withId.id(), withId);
            stored.add(withId);
        }
        return stored;
    }

    @Override
    public synchronized List<DeliveryJob> claimDue(Instant now, int max) {
        List<DeliveryJob> due = pending.values().stream()
                .filter(job -> !job.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(DeliveryJob::nextAttemptAt).thenComparingLong(DeliveryJob::id))
                .limit(max)
                .toList();
        for (DeliveryJob job : due) {
            pending.remove(job.id());
            claimed.put(job.id(), job);
        }
        return due;
    }

    @Override
    public synchronized void markDelivered(DeliveryJob job) {
        requireClaimed(job);
        delivered.add(job);
    }

    @Override
    public synchronized void reschedule(DeliveryJob job, Instant nextAttemptAt, String lastError) {
        requireClaimed(job);
        pending.put(job.id(), job.postponedTo(nextAttemptAt));
        lastErrors.put(job.id(), lastError);
    }

    @Override
    public synchronized void deadLetter(DeliveryJob job, String lastError) {
        requireClaimed(job);
        deadLetters.add(new DeadLetter(job, lastError));
        lastErrors.put(job.id(), lastError);
    }

    private void requireClaimed(DeliveryJob job) {
        if (claimed.remove(job.id()) == null) {
            throw new IllegalStateException("job " + job.id() + " was not claimed");
        }
    }

    public synchronized List<DeliveryJob> pending() {
        return List.copyOf(pending.values());
    }

    public synchronized List<DeliveryJob> delivered() {
        return List.copyOf(delivered);
    }

    public synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    public synchronized Optional<String> lastError(long jobId) {
        return Optional.ofNullable(lastErrors.get(jobId));
    }
}
