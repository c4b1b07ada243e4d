package org.tributary.node.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores handler outcomes on a thread of its own, so that the processor goes on to the next activity
 * instead of waiting for a durable commit no reader needs: the handler's own commit is what makes an
 * activity's effect visible. With one commit for the handler and one for its outcome, the processor waited
 * for two commits per activity, and at 50 posts/s (benchmark 2) the queue behind them was the latency tail.
 *
 * <p>Until its outcome is committed, an activity is still {@code pending} in the store; the processor skips
 * the activities {@link #unrecorded()} lists, so that no handler runs again meanwhile. Outcomes queued while
 * a commit runs go together in the next one. When recording fails, or the node stops first, the activity
 * stays pending and its handler runs again later, as after a crash: handlers recognise what they already
 * applied.
 */
final class InboxOutcomeRecorder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InboxOutcomeRecorder.class.getName());

    private final InboxActivityStore store;
    private final Set<Long> unrecorded = ConcurrentHashMap.newKeySet();
    private final Queue<InboxActivityStore.Outcome> queued = new ConcurrentLinkedQueue<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tributary-inbox-outcomes");
        thread.setDaemon(true);
        return thread;
    });

    InboxOutcomeRecorder(InboxActivityStore store) {
        this.store = store;
    }

    /** Queues outcomes for the next commit; their activities count as unrecorded until it is done. */
    void submit(List<InboxActivityStore.Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        for (InboxActivityStore.Outcome outcome : outcomes) {
            unrecorded.add(outcome.id());
        }
        queued.addAll(outcomes);
        executor.execute(this::recordQueued);
    }

    /** The activities whose outcome is not committed yet, as of now. */
    Set<Long> unrecorded() {
        return Set.copyOf(unrecorded);
    }

    /** Returns once everything submitted before this call is committed (or has failed). */
    void awaitRecorded() {
        try {
            executor.submit(() -> { }).get(); // one thread, in order: every earlier commit has ended
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void recordQueued() {
        List<InboxActivityStore.Outcome> batch = new ArrayList<>();
        InboxActivityStore.Outcome next;
        while ((next = queued.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return; // an earlier task took these along
        }
        try {
            store.record(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record " + batch.size() + " inbox outcomes; they will run again", e);
        } finally {
            batch.forEach(outcome -> unrecorded.remove(outcome.id()));
        }
    }

    /** Commits what is queued, then stops. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
