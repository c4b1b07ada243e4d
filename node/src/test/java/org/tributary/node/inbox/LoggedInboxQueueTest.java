package org.tributary.node.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.node.inbox.InboxTestActivities.KEY;
import static org.tributary.node.inbox.InboxTestActivities.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.node.audit.AuditLog;
import org.tributary.node.audit.AuditLogStore;
import org.tributary.node.audit.AuditRecord;
import org.tributary.node.audit.InboundCapture;
import org.tributary.node.audit.LoggedInboxStore;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Jdbc;
import org.tributary.node.store.StoreException;
import org.tributary.node.testing.TestDatabase;

/** The inbox as a view over the log: a mark, the outcomes that say more than "applied", and the retries. */
class LoggedInboxQueueTest {
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private final TestDatabase store = TestDatabase.migrated(Clock.systemUTC());
    private final AuditLog log = new AuditLog(store.database(), new AuditLogStore(), record -> false);
    private final LoggedInboxQueue queue = new LoggedInboxQueue(store.database(), Clock.systemUTC());
    private final LoggedInboxStore admission = admissionTo(queue);

    @AfterEach
    void close() {
        log.close();
        store.close();
    }

    @Test
    void aReadGoesPastOtherEntriesAndItsRecordMovesTheMarkAlone() {
        accept("a");
        other();
        other();
        accept("b");
        other();

        InboxQueue.Pending pending = queue.pending(10, Set.of());

        assertEquals(List.of("a", "b"), names(pending.activities()));
        assertEquals(4, pending.through(), "through the last entry, whatever its kind");
        assertFalse(pending.more());
        queue.record(pending.activities().stream().map(a -> ActivityOutcome.done(a, "applied")).toList(),
                pending.through());
        assertEquals(4, mark());
        assertEquals(0, count("SELECT COUNT(*) FROM logged_inbox_outcomes"), "applied at once: no row");
        assertEquals(0, queue.countPending());
        assertTrue(new LoggedInboxQueue(store.database(), Clock.systemUTC()).pending(10, Set.of()).activities()
                .isEmpty(), "a restart goes on from the mark");
    }

    @Test
    void aReadStopsAtItsLimitAndSaysThereIsMore() {
        for (int i = 0; i < 5; i++) {
            accept("n" + i);
        }

        InboxQueue.Pending first = queue.pending(3, Set.of());
        InboxQueue.Pending second = queue.pending(3, Set.of());

        assertEquals(List.of("n0", "n1", "n2"), names(first.activities()));
        assertTrue(first.more());
        assertEquals(List.of("n3", "n4"), names(second.activities()), "the next read goes on after the first");
        assertFalse(second.more());
    }

    @Test
    void whatIsReadAndNotRecordedIsReadAgainAfterARestart() {
        accept("a");
        accept("b");
        InboxQueue.Pending read = queue.pending(10, Set.of());
        queue.record(List.of(ActivityOutcome.done(read.activities().get(0), "applied")), 0);

        assertEquals(List.of("b"), names(new LoggedInboxQueue(store.database(), Clock.systemUTC())
                .pending(10, Set.of()).activities()), "after a restart: from the mark");
    }

    @Test
    void aReadHandledInPartGoesOnAfterTheLastActivityHandled() {
        accept("flaky");
        InboxQueue.Pending first = queue.pending(10, Set.of());
        queue.record(List.of(ActivityOutcome.retry(first.activities().get(0), "peer down")), first.through());
        accept("a");
        other();
        accept("b");
        accept("c");
        InboxQueue.Pending read = queue.pending(10, Set.of());
        assertEquals(List.of("flaky", "a", "b", "c"), names(read.activities()));

        assertEquals(3, queue.stoppedAt(read, 3), "the retry, a and b handled: through b, past the other entry");
        assertEquals(List.of("c"), names(queue.pending(10, Set.of(0L, 1L, 3L)).activities()), "c is read again");
        InboxQueue.Pending retryOnly = queue.pending(10, Set.of(1L, 3L, 4L));
        assertEquals(List.of("flaky"), names(retryOnly.activities()));
        assertEquals(4, queue.stoppedAt(retryOnly, 0), "nothing handled: no further than where the read began");
    }

    @Test
    void retriesComeFirstWithTheirAttemptsUntilTheirOutcomeIsFinal() {
        accept("flaky");
        accept("fine");
        InboxQueue.Pending read = queue.pending(10, Set.of());
        queue.record(List.of(ActivityOutcome.retry(read.activities().get(0), "peer down"),
                ActivityOutcome.done(read.activities().get(1), "ignored: not ours")), read.through());
        accept("later");

        InboxQueue.Pending again = queue.pending(10, Set.of());

        assertEquals(List.of("flaky", "later"), names(again.activities()));
        assertEquals(1, again.activities().get(0).attempts());
        assertEquals(0, again.activities().get(1).attempts());
        assertEquals("none", outcome(read.activities().get(1).id()), "ignored at the first attempt: the mark says it");
        assertEquals(2, queue.countPending());
        assertTrue(queue.pending(10, Set.of(again.activities().get(0).id())).activities().isEmpty(),
                "a retry whose outcome is on its way is skipped");

        queue.record(List.of(ActivityOutcome.failed(again.activities().get(0), "peer down"),
                ActivityOutcome.done(again.activities().get(1), "applied")), again.through());
        assertEquals("failed|2|peer down", outcome(again.activities().get(0).id()));
        assertEquals(0, queue.countPending());
    }

    @Test
    void anAppliedOutcomeOfARetriedActivityReplacesItsRow() {
        accept("flaky");
        InboxQueue.Pending read = queue.pending(10, Set.of());
        queue.record(List.of(ActivityOutcome.retry(read.activities().get(0), "peer down")), read.through());
        StoredActivity retried = queue.pending(10, Set.of()).activities().get(0);

        queue.record(List.of(ActivityOutcome.done(retried, "applied")), read.through());

        assertEquals("done|2|applied", outcome(retried.id()));
        assertEquals(0, queue.countPending());
    }

    @Test
    void aLongResultIsCutToItsColumn() {
        accept("broken");
        InboxQueue.Pending read = queue.pending(10, Set.of());

        queue.record(List.of(ActivityOutcome.failed(read.activities().get(0), "y".repeat(700))), read.through());

        assertEquals("failed|1|" + "y".repeat(500), outcome(read.activities().get(0).id()));
    }

    @Test
    void theMarkNeverMovesBack() {
        accept("a");
        queue.record(List.of(), 5);
        queue.record(List.of(), 3);
        assertEquals(5, mark());
    }

    @Test
    void onceReadTheQueueKnowsTheAcceptedEntriesFromTheHandOffWithoutReadingTheLog() {
        accept("a");
        assertEquals(List.of("a"), names(queue.pending(10, Set.of()).activities()));
        assertEquals(1, queue.readsOfTheLog());
        accept("b");
        other();
        accept("c");
        other();

        InboxQueue.Pending read = queue.pending(10, Set.of());

        assertEquals(List.of("b", "c"), names(read.activities()));
        assertEquals(4, read.through(), "through the last committed entry, whatever its kind");
        assertFalse(read.more());
        assertEquals(1, queue.readsOfTheLog(), "the kinds came from the hand-off");
        assertEquals(0, queue.rowsReadBack());
        accept("d");
        InboxQueue.Pending limited = queue.pending(1, Set.of());
        assertEquals(List.of("d"), names(limited.activities()));
        assertTrue(limited.more(), "stopped at its limit");
        assertEquals(1, queue.readsOfTheLog());
    }

    @Test
    void anActivityTheHandOffCouldNotHoldIsReadBackByItsPlace() {
        LoggedInboxQueue holdingNothing = new LoggedInboxQueue(store.database(), Clock.systemUTC(), 0);
        LoggedInboxStore admitting = admissionTo(holdingNothing);
        assertTrue(admitting.storeIfAbsent(activity("a", "Like"), NOW, KEY));
        holdingNothing.pending(10, Set.of());
        assertTrue(admitting.storeIfAbsent(activity("b", "Like"), NOW, KEY));
        other();
        assertTrue(admitting.storeIfAbsent(activity("c", "Like"), NOW, KEY));

        InboxQueue.Pending read = holdingNothing.pending(10, Set.of());

        assertEquals(List.of("b", "c"), names(read.activities()));
        assertEquals(1, holdingNothing.readsOfTheLog(), "which entries accepted came from the hand-off");
        assertEquals(3, holdingNothing.rowsReadBack(), "a, then b and c, read back by their places");
    }

    @Test
    void aReadThatFailedAfterTakingFromTheHandOffReadsThoseEntriesFromTheLogAgain() {
        LoggedInboxQueue holdingNothing = new LoggedInboxQueue(store.database(), Clock.systemUTC(), 0);
        LoggedInboxStore admitting = admissionTo(holdingNothing);
        assertTrue(admitting.storeIfAbsent(activity("a", "Like"), NOW, KEY));
        holdingNothing.pending(10, Set.of());
        assertTrue(admitting.storeIfAbsent(activity("b", "Like"), NOW, KEY));
        assertTrue(admitting.storeIfAbsent(activity("c", "Like"), NOW, KEY));
        // The log cannot be read for a moment, after the read has taken b and c's places from the hand-off.
        update("RENAME TABLE audit_entries TO audit_entries_away");
        assertThrows(StoreException.class, () -> holdingNothing.pending(10, Set.of()));
        update("RENAME TABLE audit_entries_away TO audit_entries");

        assertEquals(List.of("b", "c"), names(holdingNothing.pending(10, Set.of()).activities()));
        assertEquals(2, holdingNothing.readsOfTheLog(), "the first read, and the one after the failure");
    }

    @Test
    void aReadHandledInPartIsReadAgainFromTheLogWhereItStopped() {
        accept("a");
        queue.pending(10, Set.of());
        accept("b");
        accept("c");
        accept("d");
        InboxQueue.Pending read = queue.pending(10, Set.of());
        assertEquals(List.of("b", "c", "d"), names(read.activities()));

        assertEquals(1, queue.stoppedAt(read, 1));

        assertEquals(List.of("c", "d"), names(queue.pending(10, Set.of(1L)).activities()),
                "taken from the hand-off before, so read back from the log");
        accept("e");
        assertEquals(List.of("e"), names(queue.pending(10, Set.of()).activities()));
        assertEquals(2, queue.readsOfTheLog(), "from the hand-off again once past where the read had stopped");
    }

    @Test
    void aRetryStoredSendsTheReadsToTheLogUntilNoneWaits() {
        accept("flaky");
        InboxQueue.Pending read = queue.pending(10, Set.of());
        queue.record(List.of(ActivityOutcome.retry(read.activities().get(0), "peer down")), read.through());

        InboxQueue.Pending again = queue.pending(10, Set.of());
        assertEquals(List.of("flaky"), names(again.activities()));
        queue.record(List.of(ActivityOutcome.done(again.activities().get(0), "applied")), again.through());
        long reads = queue.readsOfTheLog();
        assertTrue(queue.pending(10, Set.of()).activities().isEmpty());
        assertEquals(reads + 1, queue.readsOfTheLog(), "one read finds that no retry waits");
        accept("next");
        assertEquals(List.of("next"), names(queue.pending(10, Set.of()).activities()));
        assertEquals(reads + 1, queue.readsOfTheLog());
    }

    /** Stores accepted activities into the log, handing them over to {@code inbox}. */
    private LoggedInboxStore admissionTo(LoggedInboxQueue inbox) {
        return new LoggedInboxStore(store.database(), log, new InboxRows(new IdGenerator(Clock.systemUTC())),
                new InboundCapture(), inbox.handOff(), Clock.systemUTC());
    }

    private void accept(String name) {
        assertTrue(admission.storeIfAbsent(activity(name, "Like"), NOW, KEY));
    }

    /** An entry of another kind: a delivery, an administrator's action. */
    private void other() {
        log.record(AuditRecord.of(NOW, AuditDirection.LOCAL, "admin.test"));
    }

    private void update(String sql) {
        store.database().inTransactionVoid(connection -> Jdbc.update(connection, sql));
    }

    private long mark() {
        return count("SELECT handled_through FROM logged_inbox_progress WHERE id = 1");
    }

    private long count(String sql) {
        return store.database().inTransaction(connection -> Jdbc.count(connection, sql));
    }

    private String outcome(long seq) {
        return store.database().inTransaction(connection -> Jdbc.queryOne(connection,
                "SELECT state, attempts, result FROM logged_inbox_outcomes WHERE audit_seq = ?",
                row -> row.getString(1) + "|" + row.getInt(2) + "|" + row.getString(3), seq)).orElse("none");
    }

    private static List<String> names(List<StoredActivity> activities) {
        return activities.stream().map(a -> a.activityId().getPath().replace("/activities/", "")).toList();
    }
}
