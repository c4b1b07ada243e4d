package org.tributary.node.inbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.node.inbox.InboxTestActivities.KEY;
import static org.tributary.node.inbox.InboxTestActivities.activity;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.MutableClock;
import org.tributary.node.testing.TestDatabase;

class InboxActivityStoreTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private TestDatabase store;
    private InboxActivityStore inbox;

    @BeforeEach
    void createStore() {
        store = TestDatabase.migrated(clock);
        inbox = new InboxActivityStore(store.database(), new IdGenerator(clock), clock);
    }

    @AfterEach
    void dropStore() {
        store.close();
    }

    @Test
    void storesAnActivityOnceAndDeDuplicatesReplays() {
        InboundActivity follow = activity("1", "Follow");

        assertTrue(inbox.storeIfAbsent(follow, NOW, KEY));
        assertFalse(inbox.storeIfAbsent(follow, NOW.plusSeconds(5), KEY), "a replay is not stored again");
        assertFalse(inbox.storeIfAbsent(activity("1", "Like"), NOW, KEY), "the id alone decides");
        assertEquals(1, inbox.handOff().heldCount(), "a duplicate hands nothing over");

        List<StoredActivity> pending = inbox.pending(10);
        assertEquals(1, pending.size());
        StoredActivity stored = pending.get(0);
        assertEquals(follow.id(), stored.activityId());
        assertEquals("Follow", stored.type());
        assertEquals(follow.actor(), stored.actor());
        assertArrayEquals(follow.raw(), stored.body(), "the raw bytes are kept exactly");
        assertEquals(0, stored.attempts());
        assertEquals("pending|" + KEY + "|" + NOW, row(stored.id(), "state") + "|" + row(stored.id(), "key_id") + "|"
                + row(stored.id(), "received_at"));
    }

    @Test
    void aQueueFoundEmptyIsReadAgainOnlyOnceSomethingIsStored() {
        assertTrue(inbox.pending(10).isEmpty());
        assertTrue(inbox.pending(10).isEmpty());
        assertEquals(1, inbox.readsOfTheStore(), "nothing stored since the read that found none");

        assertTrue(inbox.storeIfAbsent(activity("1", "Follow"), NOW, KEY));
        StoredActivity stored = inbox.pending(10).get(0);
        assertEquals(2, inbox.readsOfTheStore());
        inbox.record(List.of(ActivityOutcome.retry(stored, "peer down")), -1);
        assertEquals(1, inbox.pending(10).size(), "a retry is still pending: read again");
        inbox.record(List.of(ActivityOutcome.done(stored, "applied")), -1);
        assertTrue(inbox.pending(10).isEmpty());
        assertTrue(inbox.pending(10).isEmpty());
        assertEquals(4, inbox.readsOfTheStore());
        assertFalse(inbox.storeIfAbsent(activity("1", "Follow"), NOW, KEY), "a replay stores nothing");
        assertTrue(inbox.pending(10).isEmpty());
        assertEquals(4, inbox.readsOfTheStore());
    }

    @Test
    void pendingIsOldestFirstAndBounded() {
        inbox.storeIfAbsent(activity("a", "Like"), NOW, KEY);
        inbox.storeIfAbsent(activity("b", "Like"), NOW, KEY);
        inbox.storeIfAbsent(activity("c", "Like"), NOW, KEY);
        assertEquals(List.of("a", "b"), inbox.pending(2).stream()
                .map(stored -> stored.activityId().getPath().replace("/activities/", "")).toList());
        assertEquals(3, inbox.countPending());
    }

    @Test
    void pendingReadsPastTheActivitiesToSkip() {
        inbox.storeIfAbsent(activity("a", "Like"), NOW, KEY);
        inbox.storeIfAbsent(activity("b", "Like"), NOW, KEY);
        inbox.storeIfAbsent(activity("c", "Like"), NOW, KEY);
        inbox.storeIfAbsent(activity("d", "Like"), NOW, KEY);
        long a = inbox.pending(1).get(0).id();

        assertEquals(List.of("b", "c"), inbox.pending(2, java.util.Set.of(a)).activities().stream()
                .map(stored -> stored.activityId().getPath().replace("/activities/", "")).toList());
        assertEquals(1, inbox.handOff().heldCount(), "d is still held: only what is returned is taken");
    }

    @Test
    void activitiesStoredHereAreHandedOverAndReadBackOnlyWhenNotHeld() {
        InboundActivity a = activity("a", "Like");
        InboundActivity b = activity("b", "Follow");
        inbox.storeIfAbsent(a, NOW, KEY);
        inbox.storeIfAbsent(b, NOW, KEY);
        assertEquals(2, inbox.handOff().heldCount(), "offered as they were stored");

        List<StoredActivity> handedOver = inbox.pending(10);
        assertEquals(List.of(a, b), handedOver.stream().map(stored -> stored.parsed().orElseThrow()).toList());
        assertEquals(0, inbox.rowsReadBack());
        assertEquals(0, inbox.handOff().heldCount());

        // Not handled yet, so still pending: read again, this time from the store, with the same fields.
        List<StoredActivity> readBack = inbox.pending(10);
        assertEquals(2, inbox.rowsReadBack());
        assertEquals(List.of(a.id(), b.id()), readBack.stream().map(StoredActivity::activityId)
                .toList());
        assertEquals(List.of("Like", "Follow"), readBack.stream().map(StoredActivity::type)
                .toList());
        assertArrayEquals(b.raw(), readBack.get(1).body());
        assertTrue(readBack.stream().allMatch(stored -> stored.parsed().isEmpty()));

        // A node restarted holds nothing: everything pending comes from the store.
        InboxActivityStore restarted = new InboxActivityStore(store.database(), new IdGenerator(clock), clock);
        assertEquals(2, restarted.pending(10).size());
        assertEquals(2, restarted.rowsReadBack());
    }

    @Test
    void finishedActivitiesLeaveThePendingList() {
        inbox.storeIfAbsent(activity("done", "Like"), NOW, KEY);
        inbox.storeIfAbsent(activity("failed", "Like"), NOW, KEY);
        inbox.storeIfAbsent(activity("retry", "Like"), NOW, KEY);
        List<StoredActivity> pending = inbox.pending(10);
        clock.advance(java.time.Duration.ofSeconds(3));

        inbox.record(List.of(ActivityOutcome.done(pending.get(0), "applied"),
                ActivityOutcome.failed(pending.get(1), "y".repeat(700)),
                ActivityOutcome.retry(pending.get(2), "try later")), -1);

        assertEquals(1, inbox.countPending());
        assertEquals("done|1|applied|" + NOW.plusSeconds(3), summary(pending.get(0).id()));
        assertEquals("failed|1|" + "y".repeat(500) + "|" + NOW.plusSeconds(3), summary(pending.get(1).id()));
        assertEquals("pending|1|try later|null", summary(pending.get(2).id()));
        assertEquals(1, inbox.pending(10).get(0).attempts());
    }

    private String summary(long id) {
        return row(id, "state") + "|" + row(id, "attempts") + "|" + row(id, "result") + "|" + row(id, "processed_at");
    }

    private String row(long id, String column) {
        return store.database().inTransaction(connection -> Jdbc.queryOne(connection,
                "SELECT " + column + " FROM inbox_activities WHERE id = ?", result -> {
                    Object value = result.getObject(1);
                    return value instanceof java.sql.Timestamp ? String.valueOf(Jdbc.instant(result, column))
                            : String.valueOf(value);
                }, id)).orElseThrow();
    }
}
