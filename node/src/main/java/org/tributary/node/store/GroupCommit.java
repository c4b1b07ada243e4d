package org.tributary.node.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Group commit led by the callers themselves: each caller queues its work, and whichever caller holds the
 * writer lock takes everything queued (up to a maximum) and writes it as one batch, so concurrent callers
 * share one durable commit. No linger and no hand-off thread: a caller that finds the writer free writes
 * at once, alone if need be, and each caller returns only once its own work is committed. (A dedicated
 * writer thread cost two thread wake-ups per request on the inbox's path.)
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
        Pending<W, R> mine = new Pending<>(Objects.requireNonNull(work, "work"));
        queue.add(mine);
        while (!mine.done) {
            lock.lock(); // while we wait here, the current batch commits and more callers queue up
            try {
                if (!mine.done) {
                    write(drain());
                }
            } finally {
                lock.unlock();
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
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

    /** Writes the batch and hands each caller its result; returns why it failed instead, having handed nothing. */
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

    /** One caller's work, and what became of it (set by the lock holder, read by the caller). */
    private static final class Pending<W, R> {
        final W work;
        volatile R result;
        volatile RuntimeException failure;
        volatile boolean done;

        Pending(W work) {
            this.work = work;
        }

        void succeed(R value) {
            result = value;
            done = true;
        }

        void fail(RuntimeException cause) {
            failure = cause;
            done = true;
        }
    }
}
