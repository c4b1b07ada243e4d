package org.tributary.node.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.node.inbox.InboxTestActivities.KEY;
import static org.tributary.node.inbox.InboxTestActivities.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.inbox.InboxDispatcher;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.MutableClock;
import org.tributary.node.testing.TestDatabase;

/**
 * The processor over a real store and a real dispatcher whose handlers stand for each outcome:
 * Like applies, Announce is ignored, Block fails for good, Flag fails retryably, Move throws.
 */
class InboxProcessorTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private TestDatabase store;
    private InboxActivityStore inbox;
    private InboxProcessor processor;

    @BeforeEach
    void createProcessor() {
        store = TestDatabase.migrated(clock);
        inbox = new InboxActivityStore(store.database(), new IdGenerator(clock), clock);
        InboxDispatcher dispatcher = InboxDispatcher.builder()
                .on("Like", activity -> record(activity.id().getPath(), HandlerResult.applied()))
                .on("Announce", activity -> record(activity.id().getPath(), new HandlerResult.Ignored("not ours")))
                .on("Block", activity -> record(activity.id().getPath(), new HandlerResult.Failed("bad block", false)))
                .on("Flag", activity -> record(activity.id().getPath(), new HandlerResult.Failed("peer down", true)))
                .on("Move", activity -> {
                    handled.add(activity.id().getPath());
                    throw new IllegalStateException("handler bug");
                })
                .build();
        processor = new InboxProcessor(inbox, dispatcher);
    }

    @AfterEach
    void close() {
        processor.close();
        store.close();
    }

    @Test
    void marksAppliedAndIgnoredActivitiesDone() {
        inbox.storeIfAbsent(activity("like", "Like"), NOW, KEY);
        inbox.storeIfAbsent(activity("announce", "Announce"), NOW, KEY);

        assertEquals(2, processor.runOnce());

        assertEquals("done|1|applied", state("like"));
        assertEquals("done|1|ignored: not ours", state("announce"));
        assertEquals(0, processor.runOnce(), "nothing is handled twice");
        assertEquals(List.of("/activities/like", "/activities/announce"), handled, "oldest first");
    }

    @Test
    void aPermanentFailureIsMarkedFailedAtOnce() {
        inbox.storeIfAbsent(activity("block", "Block"), NOW, KEY);
        processor.runOnce();
        assertEquals("failed|1|bad block", state("block"));
        assertEquals(0, processor.runOnce());
    }

    @Test
    void aRetryableFailureIsRetriedUpToTheLimit() {
        inbox.storeIfAbsent(activity("flag", "Flag"), NOW, KEY);

        for (int attempt = 1; attempt < InboxProcessor.MAX_ATTEMPTS; attempt++) {
            assertEquals(1, processor.runOnce());
            assertEquals("pending|" + attempt + "|peer down", state("flag"));
        }
        assertEquals(1, processor.runOnce());
        assertEquals("failed|" + InboxProcessor.MAX_ATTEMPTS + "|peer down", state("flag"));
        assertEquals(0, processor.runOnce());
        assertEquals(InboxProcessor.MAX_ATTEMPTS, handled.size());
    }

    @Test
    void aHandlerThatThrowsIsARetryableFailure() {
        inbox.storeIfAbsent(activity("move", "Move"), NOW, KEY);
        processor.runOnce();
        assertEquals("pending|1|handler for Move threw IllegalStateException: handler bug", state("move"));
    }

    @Test
    void aStoredBodyThatNoLongerParsesFails() {
        inbox.storeIfAbsent(activity("broken", "Like"), NOW, KEY);
        store.database().inTransactionVoid(connection -> Jdbc.update(connection,
                "UPDATE inbox_activities SET body = ?", (Object) "not json".getBytes()));
        // As after a restart: the activity handed over parsed when it was stored is gone, the stored bytes remain.
        inbox.handOff().dropBefore(Long.MAX_VALUE);
        processor.runOnce();
        assertEquals("failed|1|stored body no longer parses", state("broken"));
        assertTrue(handled.isEmpty());
    }

    @Test
    void handlesMoreThanOneBatchInOneRun() {
        for (int i = 0; i < 120; i++) {
            inbox.storeIfAbsent(activity("like-" + i, "Like"), NOW, KEY);
        }
        assertEquals(120, processor.runOnce());
        assertEquals(0, inbox.countPending());
    }

    @Test
    void theBackgroundLoopDrainsWhatIsStoredAfterItStarted() {
        processor.start();
        inbox.storeIfAbsent(activity("late", "Like"), NOW, KEY);
        processor.wakeUp();
        Eventually.await("the processor to handle the activity", Duration.ofSeconds(5),
                () -> state("late").startsWith("done"));
    }

    @Test
    void whileOutcomesAreBeingStoredNoHandlerRunsTwice() {
        // The loop goes on while the outcomes of what it handled commit on another thread; a read taken
        // before such a commit still shows those activities pending, and they must not run again.
        processor.start();
        int count = 300;
        for (int i = 0; i < count; i++) {
            inbox.storeIfAbsent(activity("burst-" + i, "Like"), NOW, KEY);
            processor.wakeUp();
        }
        Eventually.await("every activity to be done", Duration.ofSeconds(30), () -> inbox.countPending() == 0);
        assertEquals(count, handled.size(), "each handler ran once");
        assertEquals(count, Set.copyOf(handled).size());
    }

    private HandlerResult record(String path, HandlerResult result) {
        handled.add(path);
        return result;
    }

    private String state(String name) {
        return store.database().inTransaction(connection -> Jdbc.queryOne(connection,
                "SELECT state, attempts, result FROM inbox_activities WHERE activity_id = ?",
                row -> row.getString(1) + "|" + row.getInt(2) + "|" + row.getString(3),
                "https://sales.example/activities/" + name)).orElseThrow();
    }
}
