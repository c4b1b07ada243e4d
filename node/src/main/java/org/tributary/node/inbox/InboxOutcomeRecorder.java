package org.tributary.node.inbox;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores the outcomes of one {@link InboxQueue} on a thread of its own, so that the processor goes on to the
 * next activity instead of waiting for a durable commit no reader needs: the handler's own commit is what
 * makes an activity's effect visible. With one commit for the handler and one for its outcome, the processor
 * waited for two commits per activity, and at 50 posts/s (benchmark 2) the queue behind them was the latency
 * tail.
 *
 * <p>Until its outcome is committed, an activity is still pending in the store; the processor skips the
 * activities {@link #unrecorded()} lists, so that no handler runs again meanwhile. Outcomes queued while a
 * commit runs go together in the next one, in the order they were submitted. A commit that fails is tried
 * again, together with and before anything submitted after it, at the next submission or a second later,
 * whichever comes first: a queue that keeps a mark must not move it past outcomes not stored. While the store
 * refuses, nothing is recorded, and the activities handled meanwhile wait in memory (each attempt logs a
 * warning). When the node stops first, the activities stay pending and their handlers run again after the
 * restart, as after a crash: handlers recognise what they already applied.
 *
 * <p>Commits are at least {@link #COMMIT_SPACING_MILLIS} apart: what is submitted meanwhile waits for the next
 * one. Under a stream of activities the processor submits after every pass, and once its reads cost next to
 * nothing ({@link LoggedInboxQueue}) it made some 200 passes a second, each with its own durable commit
 * (benchmark 1's profile: the recorder's share of the node's CPU went from 2 % to 5 %). Nobody waits for an
 * outcome: a handler's effect is visible from its own commit.
 */
final class InboxOutcomeRecorder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InboxOutcomeRecorder.class.getName());
    private static final long RETRY_MILLIS = 1_000;
    static final long COMMIT_SPACING_MILLIS = 20;

    /** What one read of the queue came to: its outcomes, and how far it went. */
    private record Submission(List<ActivityOutcome> outcomes, long through) {
    }

    private final InboxQueue queue;
    private final Set<Long> unrecorded = ConcurrentHashMap.newKeySet();
    private final Deque<Submission> queued = new ConcurrentLinkedDeque<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tributary-inbox-outcomes");
        thread.setDaemon(true);
        return thread;
    });

    private final long commitSpacingNanos;
    /** Whether a commit is scheduled that will take what is queued now. */
    private final AtomicBoolean commitScheduled = new AtomicBoolean();
    /** When the last commit began (System.nanoTime); written by the recorder's thread. */
    private volatile long lastCommitNanos;
    /** The furthest {@code through} submitted; read and written by the processor's thread only. */
    private long furthestSubmitted = -1;

    InboxOutcomeRecorder(InboxQueue queue) {
        this(queue, COMMIT_SPACING_MILLIS);
    }

    InboxOutcomeRecorder(InboxQueue queue, long commitSpacingMillis) {
        this.queue = queue;
        this.commitSpacingNanos = TimeUnit.MILLISECONDS.toNanos(commitSpacingMillis);
        this.lastCommitNanos = System.nanoTime() - commitSpacingNanos;
    }

    /**
     * Queues the outcomes of one read, which went {@code through} that far, for the next commit; their
     * activities count as unrecorded until it is done. A read that found nothing to handle but went further
     * (past other entries of a log) is queued too, unless it went no further than one submitted before.
     */
    void submit(List<ActivityOutcome> outcomes, long through) {
        if (outcomes.isEmpty() && through <= furthestSubmitted) {
            return;
        }
        furthestSubmitted = Math.max(furthestSubmitted, through);
        for (ActivityOutcome outcome : outcomes) {
            unrecorded.add(outcome.id());
        }
        queued.add(new Submission(List.copyOf(outcomes), through));
        if (commitScheduled.compareAndSet(false, true)) {
            long wait = lastCommitNanos + commitSpacingNanos - System.nanoTime();
            executor.schedule(this::recordScheduled, Math.max(0, wait), TimeUnit.NANOSECONDS);
        }
    }

    private void recordScheduled() {
        commitScheduled.set(false); // before taking: what is queued after this is scheduled anew
        recordQueued();
    }

    /** The activities whose outcome is not committed yet, as of now. */
    Set<Long> unrecorded() {
        return Set.copyOf(unrecorded);
    }

    /**
     * Commits what was submitted before this call without waiting for the spacing, and returns once that commit
     * has ended: stored, or failed and waiting for its next attempt.
     */
    void awaitRecorded() {
        try {
            executor.submit(this::recordQueued).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void recordQueued() {
        List<Submission> taken = new ArrayList<>();
        Submission next;
        while ((next = queued.poll()) != null) {
            taken.add(next);
        }
        if (taken.isEmpty()) {
            return; // an earlier task took these along
        }
        lastCommitNanos = System.nanoTime();
        List<ActivityOutcome> outcomes = new ArrayList<>();
        long through = -1;
        for (Submission submission : taken) {
            outcomes.addAll(submission.outcomes());
            through = Math.max(through, submission.through());
        }
        try {
            queue.record(outcomes, through);
            outcomes.forEach(outcome -> unrecorded.remove(outcome.id()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record " + outcomes.size() + " inbox outcomes; trying again", e);
            queued.addFirst(new Submission(outcomes, through));
            if (!executor.isShutdown()) {
                executor.schedule(this::recordQueued, RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Commits what is queued, then stops. */
    @Override
    public void close() {
        executor.execute(this::recordQueued); // now, rather than once the spacing has passed
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
