package org.tributary.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group commit on its own, with a batch writer that records the batches it was given. */
class GroupCommitTest {
    private final ExecutorService callers = Executors.newFixedThreadPool(16);
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    private final CountDownLatch othersQueued = new CountDownLatch(1);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void callersWaitingForTheWriterShareTheNextBatchAndEachGetsItsOwnResult() throws Exception {
        GroupCommit<Integer, String> commits = new GroupCommit<>(100, batch -> {
            batches.add(List.copyOf(batch));
            holdTheFirstBatch();
            return batch.stream().map(n -> "done " + n).toList();
        });
        List<Future<String>> results = submitBehindTheFirst(commits, 10);

        for (int n = 0; n <= 10; n++) {
            assertEquals("done " + n, results.get(n).get());
        }
        assertEquals(2, batches.size(), "the ten waiting callers went in one batch: " + batches);
        assertEquals(10, batches.get(1).size());
    }

    @Test
    void aFailingItemFailsOnlyItsOwnCaller() throws Exception {
        IllegalStateException bad = new IllegalStateException("item 7 cannot be written");
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(100, batch -> {
            batches.add(List.copyOf(batch));
            if (batch.contains(7)) {
                throw bad;
            }
            return batch;
        });
        List<Future<Integer>> results = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            int item = n;
            results.add(callers.submit(() -> commits.submit(item)));
        }
        for (int n = 0; n < 20; n++) {
            if (n == 7) {
                ExecutionException failed = assertThrows(ExecutionException.class, results.get(n)::get);
                assertSame(bad, failed.getCause());
            } else {
                assertEquals(n, results.get(n).get());
            }
        }
        assertTrue(batches.stream().anyMatch(batch -> batch.equals(List.of(7))), "7 was retried alone");
    }

    @Test
    void aFailureExpectedToPassHasTheBatchWrittenAgainWholeOnceInsteadOfItemByItem() throws Exception {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(100, batch -> {
            batches.add(List.copyOf(batch));
            if (batches.size() == 1 || batch.size() == 1 && batch.get(0) == 99) {
                throw new PassingFailure();
            }
            return batch;
        }, failure -> failure instanceof PassingFailure);

        assertEquals(5, commits.submit(5));
        assertEquals(List.of(List.of(5), List.of(5)), batches, "a batch of one, written again once");

        batches.clear();
        assertThrows(PassingFailure.class, () -> commits.submit(99));
        assertEquals(List.of(List.of(99), List.of(99)), batches, "written again once, not more");
    }

    @Test
    void aBatchWrittenAgainWholeThatFailsAgainGoesItemByItem() throws Exception {
        IllegalStateException bad = new IllegalStateException("item 3 cannot be written");
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(100, batch -> {
            batches.add(List.copyOf(batch));
            holdTheFirstBatch();
            if (batches.size() > 1 && batch.contains(3)) {
                throw bad;
            }
            return batch;
        }, failure -> true);
        List<Future<Integer>> results = submitBehindTheFirst(commits, 4);

        for (int n = 0; n <= 4; n++) {
            if (n == 3) {
                ExecutionException failed = assertThrows(ExecutionException.class, results.get(n)::get);
                assertSame(bad, failed.getCause());
            } else {
                assertEquals(n, results.get(n).get());
            }
        }
        assertEquals(1 + 2 + 4, batches.size(), "the first, the four twice whole, then each alone: " + batches);
        assertEquals(batches.get(1), batches.get(2));
    }

    @Test
    void aCallerReturnsOnceItsWorkIsWrittenWithoutWaitingForTheWriterToFinish() throws Exception {
        // The batch of items 1 to 4 fails whole, so the writer writes it again item by item. While it writes the
        // last one, the callers of the items written before (but its own) have their answers and must have
        // returned: they waited for their work, not for the writer.
        Map<Integer, Thread> callerOf = new ConcurrentHashMap<>();
        Map<Integer, Future<Integer>> results = new ConcurrentHashMap<>();
        AtomicReference<String> stillWaiting = new AtomicReference<>();
        GroupCommit<Integer, Integer> commits = holdingTheFirstBatch(batch -> {
            if (batch.size() > 1) {
                throw new IllegalStateException("written again item by item");
            }
            if (batch.get(0) == 4) {
                List<Integer> othersWritten = List.of(1, 2, 3).stream()
                        .filter(item -> callerOf.get(item) != Thread.currentThread()).toList();
                stillWaiting.set(waitForAnswers(othersWritten, results).toString());
            }
            return batch;
        });
        List<Future<Integer>> submitted = submitBehindTheFirst(commits, 4, callerOf);
        for (int n = 0; n <= 4; n++) {
            results.put(n, submitted.get(n));
        }

        for (int n = 0; n <= 4; n++) {
            assertEquals(n, submitted.get(n).get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(List.of(0), List.of(1, 2, 3, 4), List.of(1), List.of(2), List.of(3), List.of(4)), batches);
        assertEquals("[]", stillWaiting.get(), "callers of written items that had not returned");
    }

    @Test
    void anErrorInTheWriterFailsEveryCallerOfItsBatchInsteadOfLeavingThemWaiting() throws Exception {
        StackOverflowError error = new StackOverflowError("the writer broke down");
        GroupCommit<Integer, Integer> commits = breakingDownOn(2, error);
        List<Future<Integer>> results = submitBehindTheFirst(commits, 3);

        assertEquals(0, results.get(0).get(10, TimeUnit.SECONDS));
        for (int n = 1; n <= 3; n++) {
            Future<Integer> result = results.get(n);
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> result.get(10, TimeUnit.SECONDS));
            Throwable cause = failed.getCause();
            assertTrue(cause == error || cause.getCause() == error, "item " + n + ": " + cause);
        }
        assertEquals(5, commits.submit(5), "the next batch is written as usual");
    }

    @Test
    void workQueuedWhileTheWriterBrokeDownIsWrittenWithoutWaitingForAnotherCaller() throws Exception {
        StackOverflowError error = new StackOverflowError("the writer broke down");
        GroupCommit<Integer, Integer> commits = breakingDownOn(0, error);
        List<Future<Integer>> results = submitBehindTheFirst(commits, 1);

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> results.get(0).get(10, TimeUnit.SECONDS));
        assertSame(error, failed.getCause());
        assertEquals(1, results.get(1).get(10, TimeUnit.SECONDS), "item 1, queued behind the broken batch");
    }

    @Test
    void aWriterGivingTooFewResultsAnswersEveryCallerOfItsBatch() throws Exception {
        GroupCommit<Integer, Integer> commits = holdingTheFirstBatch(
                batch -> batch.size() == 3 ? batch.subList(0, 2) : batch);
        List<Future<Integer>> results = submitBehindTheFirst(commits, 3);

        assertEquals(1, results.get(1).get(10, TimeUnit.SECONDS), "its result was handed out before the breakdown");
        assertEquals(2, results.get(2).get(10, TimeUnit.SECONDS));
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> results.get(3).get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof IllegalStateException, failed.getCause().toString());
        assertTrue(failed.getCause().getCause() instanceof IndexOutOfBoundsException, failed.getCause().toString());
    }

    @Test
    void aCallerInterruptedWhileWaitingGetsItsResultAndKeepsTheInterrupt() throws Exception {
        Map<Integer, Thread> callerOf = new ConcurrentHashMap<>();
        GroupCommit<Integer, Integer> commits = holdingTheFirstBatch(batch -> batch);
        Future<Boolean> interruptKept = callers.submit(() -> {
            callerOf.put(0, Thread.currentThread());
            commits.submit(0);
            return Thread.currentThread().isInterrupted();
        });
        firstBatchStarted.await();
        Future<Boolean> secondKept = callers.submit(() -> {
            callerOf.put(1, Thread.currentThread());
            commits.submit(1);
            return Thread.currentThread().isInterrupted();
        });
        while (commits.queued() < 1 || callerOf.get(1).getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        callerOf.get(1).interrupt();
        Thread.sleep(50); // long enough for a caller that gave up, or spun, to show it
        assertFalse(secondKept.isDone(), "the interrupted caller still waits for its work");
        othersQueued.countDown();

        assertEquals(false, interruptKept.get(10, TimeUnit.SECONDS));
        assertEquals(true, secondKept.get(10, TimeUnit.SECONDS), "the interrupt is kept for the caller");
        assertEquals(List.of(List.of(0), List.of(1)), batches);
    }

    /** Waits up to five seconds for the answers of {@code items}; returns those still not answered. */
    private static List<Integer> waitForAnswers(List<Integer> items, Map<Integer, Future<Integer>> results) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Integer> waiting = items;
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            waiting = waiting.stream().filter(item -> results.get(item) == null || !results.get(item).isDone())
                    .toList();
            Thread.onSpinWait();
        }
        return waiting;
    }

    /** A failure the writer expects not to see again when the same batch is written again. */
    private static final class PassingFailure extends RuntimeException {
    }

    @Test
    void aBatchNeverExceedsItsMaximum() throws Exception {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(3, batch -> {
            batches.add(List.copyOf(batch));
            return batch;
        });
        List<Future<Integer>> results = new ArrayList<>();
        for (int n = 0; n < 50; n++) {
            int item = n;
            results.add(callers.submit(() -> commits.submit(item)));
        }
        for (Future<Integer> result : results) {
            result.get();
        }
        assertTrue(batches.stream().allMatch(batch -> batch.size() <= 3), batches.toString());
        assertEquals(50, batches.stream().mapToInt(List::size).sum());
    }

    /**
     * A group commit whose writer records each batch, holds the first ({@link #holdTheFirstBatch}), then
     * answers as {@code write} does.
     */
    private GroupCommit<Integer, Integer> holdingTheFirstBatch(UnaryOperator<List<Integer>> write) {
        return new GroupCommit<>(100, batch -> {
            batches.add(List.copyOf(batch));
            holdTheFirstBatch();
            return write.apply(batch);
        });
    }

    /** As {@link #holdingTheFirstBatch}, with a writer that throws {@code error} on any batch holding {@code item}. */
    private GroupCommit<Integer, Integer> breakingDownOn(int item, Error error) {
        return holdingTheFirstBatch(batch -> {
            if (batch.contains(item)) {
                throw error;
            }
            return batch;
        });
    }

    /** In the writer: holds the first batch until the callers behind it have queued up. */
    private void holdTheFirstBatch() {
        if (batches.size() == 1) {
            firstBatchStarted.countDown();
            await(othersQueued);
        }
    }

    /**
     * Submits item 0, then items 1 to {@code others} while the writer holds item 0's batch ({@link
     * #holdTheFirstBatch}), so that they share the next batch, queued in item order and each waiting by the time
     * the first batch is let go; the futures come in item order.
     */
    private <R> List<Future<R>> submitBehindTheFirst(GroupCommit<Integer, R> commits, int others) throws Exception {
        return submitBehindTheFirst(commits, others, new ConcurrentHashMap<>());
    }

    /** As above, and records in {@code callerOf} which thread submitted each item. */
    private <R> List<Future<R>> submitBehindTheFirst(GroupCommit<Integer, R> commits, int others,
            Map<Integer, Thread> callerOf) throws Exception {
        List<Future<R>> results = new ArrayList<>();
        results.add(callers.submit(() -> submitAs(commits, 0, callerOf)));
        firstBatchStarted.await();
        for (int n = 1; n <= others; n++) {
            int item = n;
            results.add(callers.submit(() -> submitAs(commits, item, callerOf)));
            while (commits.queued() < n) { // one at a time, so that they queue in item order
                Thread.sleep(1);
            }
            while (callerOf.get(item).getState() != Thread.State.WAITING) { // and wait for the writer
                Thread.sleep(1);
            }
        }
        othersQueued.countDown();
        return results;
    }

    private static <R> R submitAs(GroupCommit<Integer, R> commits, int item, Map<Integer, Thread> callerOf) {
        callerOf.put(item, Thread.currentThread());
        return commits.submit(item);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
