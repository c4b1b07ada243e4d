package org.tributary.node.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * Like applies, Announce is ignored, Block fails for good, Flag fails retryably, Move throws, Remove crashes
 * (an {@link Error}, which the dispatcher does not catch) until told otherwise. Here over the
 * inbox's own rows (a node without the compliance log); {@link LoggedInboxProcessorTest} runs the same over
 * the log.
 */
class InboxProcessorTest {
    static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    final MutableClock clock = new MutableClock(NOW);
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private volatile boolean removeCrashes = true;

    /** What a handler may throw that is no exception: the batch it was in stops half-way. */
    private static final class HandlerCrash extends Error {
        HandlerCrash() {
            super("handler crash");
        }
    }
    TestDatabase store;
    private InboxActivityStore inbox;
    private InboxProcessor processor;

    /** Where activities are stored and read: the inbox's rows here. */
    List<InboxQueue> queues() {
        inbox = new InboxActivityStore(store.database(), new IdGenerator(clock), clock);
        return List.of(inbox);
    }

    /** Stores an activity as the inbox pipeline does. */
    void storeActivity(String id, String type) {
        inbox.storeIfAbsent(activity(id, type), NOW, KEY);
    }

    /** "state|attempts|result" of a stored activity. */
    String state(String name) {
        return store.database().inTransaction(connection -> Jdbc.queryOne(connection,
                "SELECT state, attempts, result FROM inbox_activities WHERE activity_id = ?",
                row -> row.getString(1) + "|" + row.getInt(2) + "|" + row.getString(3),
                "https://sales.example/activities/" + name)).orElseThrow();
    }

    /** What {@link #state} says of an activity done at the first attempt with {@code result}. */
    String doneAtOnce(String result) {
        return "done|1|" + result;
    }

    /** Replaces every stored body with bytes that are no JSON, and forgets what is held in memory. */
    void breakStoredBodies() {
        store.database().inTransactionVoid(connection -> Jdbc.update(connection,
                "UPDATE inbox_activities SET body = ?", (Object) "not json".getBytes()));
        inbox.handOff().dropBefore(Long.MAX_VALUE);
    }

    long countPending() {
        return inbox.countPending();
    }

    @BeforeEach
    void createProcessor() {
        store = TestDatabase.migrated(clock);
        InboxDispatcher dispatcher = InboxDispatcher.builder()
                .on("Like", activity -> record(activity.id().getPath(), HandlerResult.applied()))
                .on("Announce", activity -> record(activity.id().getPath(), new HandlerResult.Ignored("not ours")))
                .on("Block", activity -> record(activity.id().getPath(), new HandlerResult.Failed("bad block", false)))
                .on("Flag", activity -> record(activity.id().getPath(), new HandlerResult.Failed("peer down", true)))
                .on("Remove", activity -> {
                    handled.add(activity.id().getPath());
                    if (removeCrashes) {
                        throw new HandlerCrash();
                    }
                    return HandlerResult.applied();
                })
                .on("Move", activity -> {
                    handled.add(activity.id().getPath());
                    throw new IllegalStateException("handler bug");
                })
                .build();
        processor = new InboxProcessor(queues(), dispatcher);
    }

    @AfterEach
    void close() {
        processor.close();
        store.close();
    }

    @Test
    void marksAppliedAndIgnoredActivitiesDone() {
        storeActivity("like", "Like");
        storeActivity("announce", "Announce");

        assertEquals(2, processor.runOnce());

        assertEquals(doneAtOnce("applied"), state("like"));
        assertEquals(doneAtOnce("ignored: not ours"), state("announce"));
        assertEquals(0, processor.runOnce(), "nothing is handled twice");
        assertEquals(List.of("/activities/like", "/activities/announce"), handled, "oldest first");
    }

    @Test
    void aPermanentFailureIsMarkedFailedAtOnce() {
        storeActivity("block", "Block");
        processor.runOnce();
        assertEquals("failed|1|bad block", state("block"));
        assertEquals(0, processor.runOnce());
    }

    @Test
    void aRetryableFailureIsRetriedUpToTheLimit() {
        storeActivity("flag", "Flag");

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
        storeActivity("move", "Move");
        processor.runOnce();
        assertEquals("pending|1|handler for Move threw IllegalStateException: handler bug", state("move"));
    }

    @Test
    void aBatchThatStoppedHalfWayGoesOnAfterTheLastActivityHandled() {
        storeActivity("first", "Like");
        storeActivity("crash", "Remove");
        storeActivity("last", "Like");

        assertThrows(HandlerCrash.class, processor::runOnce);
        removeCrashes = false;
        assertEquals(2, processor.runOnce());

        assertEquals(List.of("/activities/first", "/activities/crash", "/activities/crash", "/activities/last"),
                handled, "only the activity whose handler crashed ran again");
        assertEquals(doneAtOnce("applied"), state("first"));
        assertEquals(doneAtOnce("applied"), state("last"));
        assertEquals(0, countPending());
    }

    @Test
    void aStoredBodyThatNoLongerParsesFails() {
        storeActivity("broken", "Like");
        // As after a restart: the activity handed over parsed when it was stored is gone, the stored bytes remain.
        breakStoredBodies();
        processor.runOnce();
        assertEquals("failed|1|stored body no longer parses", state("broken"));
        assertTrue(handled.isEmpty());
    }

    @Test
    void handlesMoreThanOneBatchInOneRun() {
        for (int i = 0; i < 120; i++) {
            storeActivity("like-" + i, "Like");
        }
        assertEquals(120, processor.runOnce());
        assertEquals(0, countPending());
    }

    @Test
    void theBackgroundLoopDrainsWhatIsStoredAfterItStarted() {
        processor.start();
        storeActivity("late", "Like");
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
            storeActivity("burst-" + i, "Like");
            processor.wakeUp();
        }
        Eventually.await("every activity to be done", Duration.ofSeconds(30), () -> countPending() == 0);
        assertEquals(count, handled.size(), "each handler ran once");
        assertEquals(count, Set.copyOf(handled).size());
    }

    private HandlerResult record(String path, HandlerResult result) {
        handled.add(path);
        return result;
    }
}
