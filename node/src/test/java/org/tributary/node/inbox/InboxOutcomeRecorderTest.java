package org.tributary.node.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.node.inbox.InboxTestActivities.KEY;
import static org.tributary.node.inbox.InboxTestActivities.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tributary.node.audit.AuditLog;
import org.tributary.node.audit.AuditLogStore;
import org.tributary.node.audit.InboundCapture;
import org.tributary.node.audit.LoggedInboxStore;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestDatabase;

/** Outcomes are stored in the order they were submitted; one that fails is tried again before the rest. */
class InboxOutcomeRecorderTest {
    private final TestDatabase store = TestDatabase.migrated(Clock.systemUTC());
    private final AuditLog log = new AuditLog(store.database(), new AuditLogStore(), record -> false);
    private final LoggedInboxQueue queue = new LoggedInboxQueue(store.database(), Clock.systemUTC());
    private final InboxOutcomeRecorder recorder = new InboxOutcomeRecorder(queue);

    @AfterEach
    void close() {
        recorder.close();
        log.close();
        store.close();
    }

    @Test
    void aFailedCommitIsTriedAgainAndTheMarkNeverPassesWhatItHeld() {
        LoggedInboxStore admission = new LoggedInboxStore(store.database(), log,
                new InboxRows(new IdGenerator(Clock.systemUTC())), new InboundCapture(), queue.handOff(),
                Clock.systemUTC());
        admission.storeIfAbsent(activity("flaky", "Flag"), Instant.now(), KEY);
        admission.storeIfAbsent(activity("fine", "Like"), Instant.now(), KEY);
        InboxQueue.Pending first = queue.pending(1, Set.of());
        InboxQueue.Pending second = queue.pending(1, Set.of());
        // The store refuses the first read's outcome for now, as a database that is briefly unavailable would.
        update("ALTER TABLE logged_inbox_outcomes ADD CONSTRAINT refuse_for_now CHECK (result <> 'peer down')");

        recorder.submit(List.of(ActivityOutcome.retry(first.activities().get(0), "peer down")), first.through());
        recorder.submit(List.of(ActivityOutcome.done(second.activities().get(0), "applied")), second.through());
        recorder.awaitRecorded();

        assertEquals(-1, mark(), "the second read's mark waits for the first read's outcome");
        assertEquals(Set.of(0L, 1L), recorder.unrecorded(), "neither is read again meanwhile");
        update("ALTER TABLE logged_inbox_outcomes DROP CONSTRAINT refuse_for_now");
        Eventually.await("the outcomes stored on a later try", Duration.ofSeconds(10),
                () -> recorder.unrecorded().isEmpty());
        assertEquals(1, mark());
        assertTrue(queue.pending(10, Set.of()).activities().stream().anyMatch(a -> a.id() == 0 && a.attempts() == 1),
                "the retry is pending with its attempt counted");
    }

    @Test
    void outcomesSubmittedWhileTheLastCommitIsRecentWaitForTheNextOneTogether() {
        RecordingQueue recording = new RecordingQueue();
        try (InboxOutcomeRecorder spaced = new InboxOutcomeRecorder(recording, 60_000)) {
            spaced.submit(List.of(new ActivityOutcome(1, "done", "applied", 1)), 1);
            Eventually.await("the first commit, at once", Duration.ofSeconds(10), () -> recording.commits() == 1);
            spaced.submit(List.of(new ActivityOutcome(2, "done", "applied", 1)), 2);
            spaced.submit(List.of(), 3);
            spaced.submit(List.of(), 3); // went no further: nothing to submit
            spaced.submit(List.of(new ActivityOutcome(4, "pending", "peer down", 1)), 4);

            assertEquals(1, recording.commits(), "the next commit waits for the spacing");
            assertEquals(Set.of(2L, 4L), spaced.unrecorded());
            spaced.awaitRecorded();

            assertEquals(List.of(List.of(1L), List.of(2L, 4L)), recording.ids());
            assertEquals(List.of(1L, 4L), recording.throughs());
            assertTrue(spaced.unrecorded().isEmpty());
        }
    }

    /** A queue that only remembers what it was asked to record. */
    private static final class RecordingQueue implements InboxQueue {
        private final List<List<Long>> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<Long> throughs = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Pending pending(int max, Set<Long> skip) {
            return new Pending(List.of(), -1, false);
        }

        @Override
        public void record(List<ActivityOutcome> outcomes, long through) {
            ids.add(outcomes.stream().map(ActivityOutcome::id).toList());
            throughs.add(through);
        }

        @Override
        public long countPending() {
            return 0;
        }

        int commits() {
            return ids.size();
        }

        List<List<Long>> ids() {
            return ids;
        }

        List<Long> throughs() {
            return throughs;
        }
    }

    private void update(String sql) {
        store.database().inTransactionVoid(connection -> Jdbc.update(connection, sql));
    }

    private long mark() {
        return store.database().inTransaction(connection -> Jdbc.count(connection,
                "SELECT handled_through FROM logged_inbox_progress WHERE id = 1"));
    }
}
