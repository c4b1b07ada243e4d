package org.tributary.node.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.inbox.ActivityParser;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.node.inbox.ActivityOutcome;
import org.tributary.node.inbox.InboxActivityStore;
import org.tributary.node.inbox.InboxRows;
import org.tributary.node.inbox.LoggedInboxQueue;
import org.tributary.node.inbox.StoredActivity;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Jdbc;
import org.tributary.node.store.StoreException;
import org.tributary.node.testing.MutableClock;
import org.tributary.node.testing.TestDatabase;

/** The log entry is the inbox row; copies of one activity are accepted once and logged each time. */
class LoggedInboxStoreTest {
    private static final URI KEY = URI.create("https://sales.example:8443/users/bob#main-key");

    private final TestDatabase testDatabase = TestDatabase.migrated(Clock.systemUTC());
    private final Database database = testDatabase.database();
    private final AuditLogStore auditStore = new AuditLogStore();
    private final InboundCapture capture = new InboundCapture();
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final IdGenerator ids = new IdGenerator(Clock.systemUTC());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private final LoggedInboxQueue inbox;
    private final AuditLog log;
    private final LoggedInboxStore store;

    LoggedInboxStoreTest() {
        inbox = new LoggedInboxQueue(database, Clock.systemUTC());
        log = new AuditLog(database, auditStore, record -> false);
        store = new LoggedInboxStore(database, log, new InboxRows(ids), capture, inbox.handOff(), clock);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        log.close();
        testDatabase.close();
    }

    @Test
    void aStoredActivityIsLoggedWithItsRequestInTheSameCommit() {
        InboundActivity activity = activity("https://sales.example:8443/activities/1");
        HttpRequestParts request = new HttpRequestParts("POST", URI.create("https://finance.example/inbox"),
                HeaderMap.empty().with("signature", "keyId=\"x\"").with("cookie", "secret"), activity.raw());

        boolean stored = capture.during(request, () -> store.storeIfAbsent(activity, Instant.now(), KEY));

        assertTrue(stored);
        assertEquals(1, inbox.countPending());
        StoredAuditEntry entry = only();
        assertEquals(AuditKinds.INBOX_ACCEPTED, entry.entry().kind());
        assertEquals("accepted", entry.entry().result());
        assertEquals("sales.example:8443", entry.entry().peer());
        assertEquals("Create", entry.entry().activityType());
        assertEquals("https://sales.example:8443/users/bob", entry.entry().actor());
        assertEquals("https://sales.example:8443/notes/1", entry.entry().object());
        assertTrue(entry.headers().contains("@target-uri: https://finance.example/inbox"), entry.headers());
        assertTrue(entry.headers().contains("signature: keyId"), entry.headers());
        assertTrue(!entry.headers().contains("secret"), "cookies are never logged");
        assertEquals(new String(activity.raw(), StandardCharsets.UTF_8),
                new String(entry.body().orElseThrow(), StandardCharsets.UTF_8));
        // The entry is the inbox's row: no row of its own, and the entry carries the key the activity is known by.
        assertEquals(0, count("SELECT COUNT(*) FROM inbox_activities"));
        byte[] inboxKey = database.inTransaction(connection -> Jdbc.queryOne(connection,
                "SELECT inbox_key FROM audit_entries WHERE seq = ?", row -> row.getBytes(1),
                entry.entry().sequence())).orElseThrow();
        assertArrayEquals(Hashes.sha256(activity.id().toString()), inboxKey);
        assertArrayEquals(activity.raw(), pending(inbox).get(0).body());
    }

    @Test
    void theProcessorGetsTheBytesInMemoryAndFromTheLogWhenTheyWereNotHeld() {
        InboundActivity first = activity("https://sales.example:8443/activities/1");
        InboundActivity second = activity("https://sales.example:8443/activities/2");
        store.storeIfAbsent(first, Instant.now(), KEY);
        assertEquals(1, inbox.handOff().heldCount(), "handed over as it was stored");

        LoggedInboxQueue.Pending read = inbox.pending(10, Set.of());
        List<StoredActivity> pending = read.activities();

        assertArrayEquals(first.raw(), pending.get(0).body());
        assertEquals(first, pending.get(0).parsed().orElseThrow(), "handed over parsed");
        assertEquals(0, inbox.handOff().heldCount(), "taken, not kept");
        assertEquals(0, inbox.handOff().heldBytes());
        inbox.stoppedAt(read, 0); // as after a batch the processor could not finish
        StoredActivity readAgain = pending(inbox).get(0);
        assertArrayEquals(first.raw(), readAgain.body(), "read again: from the log");
        assertEquals(first.id(), readAgain.activityId());
        assertEquals(first.actor(), readAgain.actor());
        assertEquals("Create", readAgain.type());
        assertTrue(readAgain.parsed().isEmpty(), "bytes from the store are parsed by the processor");
        assertEquals(1, inbox.rowsReadBack());

        // After a restart nothing is held: a second queue over the same database reads the log.
        store.storeIfAbsent(second, Instant.now(), KEY);
        LoggedInboxQueue restarted = new LoggedInboxQueue(database, Clock.systemUTC());
        List<StoredActivity> afterRestart = pending(restarted);
        assertEquals(2, afterRestart.size());
        assertArrayEquals(first.raw(), afterRestart.get(0).body());
        assertArrayEquals(second.raw(), afterRestart.get(1).body());
    }

    @Test
    void anIdTheLogCutInsideAnEscapeDoesNotStopTheRowsReadBackWithIt() {
        // 2,049 characters: the log keeps 2,048, which end in "%4", no URI. The row holds no copy of its own.
        String prefix = "https://sales.example:8443/activities/";
        InboundActivity cut = activity(prefix + "a".repeat(2046 - prefix.length()) + "%41");
        InboundActivity next = activity("https://sales.example:8443/activities/2");
        assertEquals(2049, cut.id().toString().length());
        store.storeIfAbsent(cut, Instant.now(), KEY);
        store.storeIfAbsent(next, Instant.now(), KEY);
        LoggedInboxQueue restarted = new LoggedInboxQueue(database, Clock.systemUTC()); // nothing held

        List<StoredActivity> pending = pending(restarted);

        assertEquals(2, pending.size(), "both read back, the row with the cut id included");
        assertArrayEquals(cut.raw(), pending.get(0).body(), "its bytes are whole: the processor goes by them");
        assertNull(pending.get(0).activityId(), "the cut id is no URI");
        assertEquals(next.id(), pending.get(1).activityId());
    }

    @Test
    void aProcessorReadingWhileActivitiesAreStoredFindsEveryBodyHandedOver() throws Exception {
        int count = 300;
        AtomicBoolean storing = new AtomicBoolean(true);
        List<byte[]> handled = Collections.synchronizedList(new ArrayList<>());
        Future<?> processor = threads.submit(() -> { // reads as fast as it can, as the processor does under load
            while (storing.get() || inbox.countPending() > 0) {
                LoggedInboxQueue.Pending pending = inbox.pending(50, Set.of());
                pending.activities().forEach(activity -> handled.add(activity.body()));
                inbox.record(pending.activities().stream().map(activity -> ActivityOutcome.done(activity, "applied"))
                        .toList(), pending.through());
            }
            return null;
        });
        List<Future<Boolean>> stores = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            InboundActivity activity = activity("https://sales.example:8443/activities/" + i);
            stores.add(threads.submit(() -> store.storeIfAbsent(activity, Instant.now(), KEY)));
        }
        for (Future<Boolean> stored : stores) {
            assertTrue(stored.get(30, TimeUnit.SECONDS));
        }
        storing.set(false);
        processor.get(30, TimeUnit.SECONDS);

        assertEquals(count, handled.size());
        assertTrue(handled.stream().allMatch(body -> body.length > 0));
        // Offered after the commit, a body was missed whenever the processor read its row in between.
        assertEquals(0, inbox.rowsReadBack(), "every body came from the hand-off");
        assertEquals(0, inbox.handOff().heldCount(), "and none is left behind");
        assertEquals(0, count("SELECT COUNT(*) FROM logged_inbox_outcomes"), "applied at once: the mark records it");
    }

    @Test
    void aBodyOfferedInATransactionThatRollsBackIsTakenBack() {
        // The log entry of this one activity breaks a constraint, after its body was offered: the transaction
        // rolls back (and its one-item retry too).
        String refused = "https://sales.example:8443/activities/refused";
        database.inTransactionVoid(connection -> Jdbc.update(connection, "ALTER TABLE audit_entries ADD CONSTRAINT "
                + "refuse_one CHECK (activity_id <> '" + refused + "')"));

        assertThrows(StoreException.class, () -> store.storeIfAbsent(activity(refused), Instant.now(), KEY));

        assertEquals(0, inbox.handOff().heldCount(), "the offered activity was taken back");
        assertEquals(0, inbox.countPending(), "and nothing is pending");
        InboundActivity next = activity("https://sales.example:8443/activities/next");
        assertTrue(store.storeIfAbsent(next, Instant.now(), KEY));
        assertEquals(1, inbox.handOff().heldCount(), "only the committed row's activity is held");
        assertArrayEquals(next.raw(), pending(inbox).get(0).body());
        assertEquals(0, inbox.rowsReadBack());
        database.inTransactionVoid(connection -> Jdbc.update(connection, "ALTER TABLE audit_entries DROP CONSTRAINT "
                + "refuse_one"));
        assertTrue(store.storeIfAbsent(activity(refused), Instant.now(), KEY),
                "the key of the entry that rolled back is not taken for known");
    }

    @Test
    void aDuplicateHandsNothingOver() {
        store.storeIfAbsent(activity("https://sales.example:8443/activities/1"), Instant.now(), KEY);
        pending(inbox);

        store.storeIfAbsent(activity("https://sales.example:8443/activities/1"), Instant.now(), KEY);

        assertEquals(0, inbox.handOff().heldCount());
    }

    @Test
    void concurrentCopiesAreStoredOnceAndEachIsLogged() throws Exception {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            results.add(threads.submit(() -> store.storeIfAbsent(
                    activity("https://sales.example:8443/activities/same"), Instant.now(), KEY)));
        }
        int stored = 0;
        for (Future<Boolean> result : results) {
            stored += result.get() ? 1 : 0;
        }

        assertEquals(1, stored);
        assertEquals(1, inbox.countPending());
        List<StoredAuditEntry> entries = all();
        assertEquals(100, entries.size());
        assertEquals(1, entries.stream().filter(e -> e.entry().kind().equals(AuditKinds.INBOX_ACCEPTED)).count());
        assertEquals(99, entries.stream().filter(e -> e.entry().kind().equals(AuditKinds.INBOX_DUPLICATE)).count());
    }

    @Test
    void aReplayRefusedByTheUniqueKeyIsLoggedAsADuplicateAndMakesTheWriterAskFirstForAWhile() {
        InboundActivity activity = activity("https://sales.example:8443/activities/replayed");
        assertTrue(store.storeIfAbsent(activity, Instant.now(), KEY));

        assertFalse(store.storeIfAbsent(activity, Instant.now(), KEY), "refused by the key, then known when asked");
        assertEquals(1, store.replaysRefusedByKey());

        clock.advance(Duration.ofSeconds(LoggedInboxStore.ASK_FIRST_SECONDS - 1));
        assertFalse(store.storeIfAbsent(activity, Instant.now(), KEY));
        assertEquals(1, store.replaysRefusedByKey(), "known by asking first: no batch refused");

        clock.advance(Duration.ofSeconds(2));
        assertFalse(store.storeIfAbsent(activity, Instant.now(), KEY));
        assertEquals(2, store.replaysRefusedByKey(), "the writer no longer asks first");

        assertEquals(List.of(AuditKinds.INBOX_ACCEPTED, AuditKinds.INBOX_DUPLICATE, AuditKinds.INBOX_DUPLICATE,
                AuditKinds.INBOX_DUPLICATE), all().stream().map(e -> e.entry().kind()).toList());
        assertEquals(1, inbox.countPending());
    }

    @Test
    void aReplayQueuedWithFreshActivitiesHasTheirBatchWrittenAgainWholeAndFailsNoneOfThem() throws Exception {
        InboundActivity replayed = activity("https://sales.example:8443/activities/replayed");
        assertTrue(store.storeIfAbsent(replayed, Instant.now(), KEY));
        CountDownLatch writerHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> holder = threads.submit(() -> log.appendWith((connection, sequence) -> {
            writerHeld.countDown();
            awaitQuietly(release); // the writer is held while the others queue up for one batch
            return DigestedRecord.of(new AuditRecord(Instant.now(), AuditDirection.LOCAL, "admin.test", "", "", "",
                    "", "", "ok", null, null));
        }));
        writerHeld.await();
        List<Future<Boolean>> fresh = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            InboundActivity next = activity("https://sales.example:8443/activities/fresh-" + i);
            fresh.add(threads.submit(() -> store.storeIfAbsent(next, Instant.now(), KEY)));
        }
        Future<Boolean> replay = threads.submit(() -> store.storeIfAbsent(replayed, Instant.now(), KEY));
        InboundActivity twice = activity("https://sales.example:8443/activities/twice");
        Future<Boolean> firstCopy = threads.submit(() -> store.storeIfAbsent(twice, Instant.now(), KEY));
        Future<Boolean> secondCopy = threads.submit(() -> store.storeIfAbsent(twice, Instant.now(), KEY));
        while (log.queued() < 15) {
            Thread.sleep(5);
        }
        release.countDown();
        holder.get();

        for (Future<Boolean> result : fresh) {
            assertTrue(result.get());
        }
        assertFalse(replay.get());
        assertTrue(firstCopy.get() ^ secondCopy.get(), "one of the two copies is stored");
        assertEquals(1, store.replaysRefusedByKey(), "the replay, refused by the key; the copy was known in its batch");
        assertEquals(14, inbox.countPending());
        assertEquals(2, all().stream().filter(e -> e.entry().kind().equals(AuditKinds.INBOX_DUPLICATE)).count());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anActivityInAnInboxRowFromBeforeIsKnown() {
        // Accepted into an inbox row of its own: before V105, or while the node ran without the log.
        InboundActivity earlier = activity("https://sales.example:8443/activities/earlier");
        new InboxActivityStore(database, ids, Clock.systemUTC()).storeIfAbsent(earlier, Instant.now(), KEY);

        assertFalse(store.storeIfAbsent(earlier, Instant.now(), KEY));

        assertEquals(AuditKinds.INBOX_DUPLICATE, only().entry().kind());
        assertTrue(pending(inbox).isEmpty());
    }

    @Test
    void aNodeRunWithoutTheLogKnowsWhatTheLogAccepted() {
        InboundActivity logged = activity("https://sales.example:8443/activities/logged");
        assertTrue(store.storeIfAbsent(logged, Instant.now(), KEY));

        InboxActivityStore withoutTheLog = new InboxActivityStore(database, ids, Clock.systemUTC());

        assertFalse(withoutTheLog.storeIfAbsent(logged, Instant.now(), KEY));
        assertTrue(withoutTheLog.storeIfAbsent(activity("https://sales.example:8443/activities/new"), Instant.now(),
                KEY));
    }

    @Test
    void theUniqueInboxKeyRefusesASecondAcceptedEntryForOneActivity() {
        // Behind the writer's own check: an entry accepting a known activity cannot be stored.
        InboundActivity activity = activity("https://sales.example:8443/activities/1");
        assertTrue(store.storeIfAbsent(activity, Instant.now(), KEY));

        StoreException refused = assertThrows(StoreException.class, () -> log.appendWith((connection, sequence) ->
                DigestedRecord.ofInboxArrival(InboundRecords.of(Instant.now(), AuditKinds.INBOX_ACCEPTED, "accepted",
                        "sales.example:8443", activity.id().toString(), MessageFields.of(activity),
                        java.util.Optional.empty(), activity.raw(), InboundRecords.STORED_DETAIL),
                        InboxRows.keyOf(activity))));

        assertTrue(refused.isDuplicateKey(), refused.toString());
        assertEquals(1, all().size());
    }

    private long count(String sql) {
        return database.inTransaction(connection -> Jdbc.count(connection, sql));
    }

    private static List<StoredActivity> pending(LoggedInboxQueue queue) {
        return queue.pending(10, Set.of()).activities();
    }

    private StoredAuditEntry only() {
        List<StoredAuditEntry> entries = all();
        assertEquals(1, entries.size());
        return database.inTransaction(connection -> auditStore.find(connection, 0)).orElseThrow();
    }

    private List<StoredAuditEntry> all() {
        List<StoredAuditEntry> entries = new ArrayList<>();
        database.inTransactionVoid(connection -> auditStore.forEach(connection, 0, Long.MAX_VALUE, entries::add));
        return entries;
    }

    private static InboundActivity activity(String id) {
        byte[] raw = Json.createObjectBuilder()
                .add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", id)
                .add("type", "Create")
                .add("actor", "https://sales.example:8443/users/bob")
                .add("object", Json.createObjectBuilder().add("id", "https://sales.example:8443/notes/1")
                        .add("type", "Note").add("attributedTo", "https://sales.example:8443/users/bob"))
                .build().toString().getBytes(StandardCharsets.UTF_8);
        return ((ActivityParser.Result.Parsed) new ActivityParser().parse(raw)).activity();
    }
}
