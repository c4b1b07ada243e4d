package org.tributary.node.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Group commit led by the callers themselves: each caller queues its work, and whichever caller holds the
 * writer lock takes everything queued (up to a maximum) and writes it as one batch, so concurrent callers
 * share one durable commit. No linger and no hand-off thread: a caller that finds the writer free writes
 * at once, alone if need be, and each caller returns only once its own work is committed or has failed. (A
 * dedicated writer thread cost two thread wake-ups per request on the inbox's path.)
 *
 * <p>A caller waits for its own work, not for the lock: the writer wakes each caller of a batch as soon as its
 * work is written, and on leaving wakes the caller at the head of the queue to write the next batch. Callers
 * that waited on the lock itself found out that their work was done only once they got the lock in turn, and a
 * caller arriving meanwhile could take it first and keep them waiting for a whole further batch: under
 * benchmark 1 the log's batches averaged under three activities, with a fifth of the CPU idle.
 *
 * <p>A batch that fails is written again one item at a time, so one bad item fails only its own caller. A
 * failure the writer expects to go away when the same batch is written again (say a write that asks a
 * question on its second attempt instead of leaving it to a unique key) may have the batch written again whole
 * once first: one more transaction rather than one per item.
 *
 * @param <W> one caller's work
 * @param <R> what writing it gave that caller
 */
public final class GroupCommit<W, R> {
    /** Writes a batch in one transaction; returns one result per item, in order, or throws and writes nothing. */
    @FunctionalInterface
    public interface BatchWriter<W, R> {
        List<R> write(List<W> batch);
    }

    private final int maxBatch;
    private final BatchWriter<W, R> writer;
    private final Predicate<RuntimeException> writeWholeAgain;
    private final Queue<Pending<W, R>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();

    public GroupCommit(int maxBatch, BatchWriter<W, R> writer) {
        this(maxBatch, writer, failure -> false);
    }

    /**
     * @param writeWholeAgain which failures of a batch have it written again whole, once, before item by item
     */
    public GroupCommit(int maxBatch, BatchWriter<W, R> writer, Predicate<RuntimeException> writeWholeAgain) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.maxBatch = maxBatch;
        this.writer = Objects.requireNonNull(writer, "writer");
        this.writeWholeAgain = Objects.requireNonNull(writeWholeAgain, "writeWholeAgain");
    }

    /** Writes {@code work} in some batch and returns its result once that batch is committed. */
    public R submit(W work) {
        Pending<W, R> mine = new Pending<>(Objects.requireNonNull(work, "work"), Thread.currentThread());
        queue.add(mine);
        boolean interrupted = false;
        try {
            while (!mine.done) {
                if (lock.tryLock()) {
                    writeNextBatch(mine);
                } else {
                    // Woken when our work is written, or to try the lock when we head the queue.
                    LockSupport.park(this);
                    // Waits as a lock would, without giving up; the interrupt is kept for the caller.
                    interrupted |= Thread.interrupted();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /** With the lock held: writes what is queued, unless {@code mine} is done already; then lets the next in. */
    private void writeNextBatch(Pending<W, R> mine) {
        try {
            if (!mine.done) {
                write(drain());
            }
        } catch (RuntimeException | Error broken) {
            if (mine.done && !(broken instanceof Error)) {
                return; // our work was in that batch and has its answer, committed or failed
            }
            // The breakdown reaches our caller: our work, if not in that batch, leaves the queue with it, so that
            // no later batch writes what our caller was told had failed.
            queue.remove(mine);
            throw broken;
        } finally {
            lock.unlock();
            wakeTheNextWriter();
        }
    }

    /**
     * After leaving the writer: the caller at the head of the queue is woken to try the lock. It writes next
     * unless a caller arriving meanwhile took the lock first, which then wakes the head in turn. Work queued
     * after this look is not stranded, since its caller tries the lock itself after queueing it.
     */
    private void wakeTheNextWriter() {
        Pending<W, R> next = queue.peek();
        if (next != null) {
            LockSupport.unpark(next.caller);
        }
    }

    /** How many callers are waiting for a batch (for tests). */
    public int queued() {
        return queue.size();
    }

    private List<Pending<W, R>> drain() {
        List<Pending<W, R>> batch = new ArrayList<>();
        Pending<W, R> next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void write(List<Pending<W, R>> batch) {
        try {
            writeOrFail(batch);
        } catch (RuntimeException | Error broken) {
            // Not a failure the writer reports (writeOrFail handles those) but a breakdown: an Error, too few
            // results for a batch, a failing retry rule. Nobody else would finish the work drained into this
            // batch, so its callers learn it failed.
            for (Pending<W, R> pending : batch) {
                if (!pending.done) {
                    pending.fail(new IllegalStateException("the batch writer failed", broken));
                }
            }
            throw broken;
        }
    }

    private void writeOrFail(List<Pending<W, R>> batch) {
        RuntimeException failure = tryWriting(batch);
        if (failure != null && writeWholeAgain.test(failure)) {
            failure = tryWriting(batch);
        }
        if (failure == null) {
            return;
        }
        if (batch.size() == 1) {
            batch.get(0).fail(failure);
            return;
        }
        for (Pending<W, R> pending : batch) { // one bad item must not fail its neighbours
            try {
                pending.succeed(writer.write(List.of(pending.work)).get(0));
            } catch (RuntimeException e) {
                pending.fail(e);
            }
        }
    }

    /**
     * Writes the batch and hands each caller its result; returns why it failed instead, having handed nothing.
     * A writer that returns too few results breaks down here, after handing out the results it gave.
     */
    private RuntimeException tryWriting(List<Pending<W, R>> batch) {
        List<R> results;
        try {
            results = writer.write(batch.stream().map(pending -> pending.work).toList());
        } catch (RuntimeException batchFailed) {
            return batchFailed;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(results.get(i));
        }
        return null;
    }

    /** One caller's work, and what became of it (set by the writer, read by the caller it wakes). */
    private static final class Pending<W, R> {
        final W work;
        final Thread caller;
        volatile R result;
        volatile RuntimeException failure;
        volatile boolean done;

        Pending(W work, Thread caller) {
            this.work = work;
            this.caller = caller;
        }

        void succeed(R value) {
            result = value;
            finish();
        }

        void fail(RuntimeException cause) {
            failure = cause;
            finish();
        }

        private void finish() {
            done = true;
            if (caller != Thread.currentThread()) {
                LockSupport.unpark(caller);
            }
        }
    }
}
