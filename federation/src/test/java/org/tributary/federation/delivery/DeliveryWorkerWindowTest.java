package org.tributary.federation.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.federation.testing.InMemoryDeliveryQueue;
import org.tributary.federation.testing.InMemoryLocalKeys;
import org.tributary.federation.testing.MutableClock;
import org.tributary.federation.testing.RecordingEventListener;
import org.tributary.federation.testing.TestActor;
import org.tributary.federation.testing.TestPeerServer;

/**
 * The started worker's continuous claiming: a bounded window of sends in flight, refilled as each one
 * finishes (not when a whole round has), one send at a time per inbox and object, and wake-ups for jobs committed
 * between polls.
 */
class DeliveryWorkerWindowTest {
    private static final Instant NOW = Instant.parse("2026-03-05T09:07:03Z");
    private static final URI ACTIVITY = URI.create("http://here.test/users/ann/statuses/1/activity");
    private static final byte[] BODY = ("{\"id\":\"" + ACTIVITY + "\",\"type\":\"Create\"}").getBytes(StandardCharsets.UTF_8);
    /** Long enough that the poll never fires again during a test: only wake-ups and finished sends claim. */
    private static final Duration NO_POLL = Duration.ofHours(1);

    private final TestActor ann = TestActor.rsa("http://here.test/users/ann");
    private final MutableClock clock = new MutableClock(NOW);
    private final HttpSignatures signatures = new HttpSignatures(clock, Duration.ofHours(1), Duration.ofMinutes(5));
    private final TestPeerServer sales = TestPeerServer.start(signatures).trust(ann.keyId(), ann.keys().getPublic());
    private final PeerPolicy peers = Set.of(sales.authority())::contains;
    private final InMemoryDeliveryQueue queue = new InMemoryDeliveryQueue();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    /** Sends wait here until the test runs them, so the test decides when each one finishes. */
    private final LinkedBlockingQueue<Runnable> heldSends = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        sales.close();
    }

    private DeliveryWorker worker(DeliveryWorker.Settings settings) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        JobDelivery delivery = new JobDelivery(queue, new InMemoryLocalKeys().add(ann.signingKey()), peers,
                new DoubleKnockSender(client, signatures, new SignatureSchemeMemory(), Duration.ofSeconds(5)),
                BackoffSchedule.mastodonLike(new Random(1)), new PeerCircuitBreaker(100, Duration.ofSeconds(60), clock),
                new RecordingEventListener(), clock);
        Executor held = heldSends::add;
        return new DeliveryWorker(queue, delivery, scheduler, held, clock, settings);
    }

    /** One job to each of {@code jobs} different inboxes. */
    private void enqueue(int jobs) {
        for (int i = 0; i < jobs; i++) {
            enqueueTo(sales.url("/users/u" + i + "/inbox"));
        }
    }

    private void enqueueTo(URI inbox) {
        queue.enqueue(List.of(DeliveryJob.unsaved(ACTIVITY, inbox, BODY, ann.keyId(), clock.instant())));
    }

    private void enqueueActivity(URI inbox, int n, String json) {
        queue.enqueue(List.of(DeliveryJob.unsaved(URI.create("http://here.test/a/" + n), inbox,
                json.getBytes(StandardCharsets.UTF_8), ann.keyId(), clock.instant())));
    }

    private void finishOneSend() throws InterruptedException {
        Runnable send = heldSends.poll(5, TimeUnit.SECONDS);
        assertTrue(send != null, "a send was claimed");
        send.run();
    }

    @Test
    void keepsAtMostTheWindowInFlightAndRefillsItAsEachSendFinishes() throws InterruptedException {
        enqueue(5);
        DeliveryWorker worker = worker(new DeliveryWorker.Settings(2, NO_POLL, 3));
        worker.start();

        await(() -> heldSends.size() == 3);
        Thread.sleep(100); // give a wrong worker the chance to claim a fourth
        assertEquals(3, heldSends.size());
        assertEquals(3, worker.inFlight());
        assertEquals(2, queue.pending().size());

        finishOneSend(); // the other two are still in flight: a round-based worker would wait for them
        await(() -> heldSends.size() == 3 && queue.pending().size() == 1);
        assertEquals(1, queue.delivered().size());

        while (queue.delivered().size() < 5) {
            finishOneSend();
        }
        await(() -> worker.inFlight() == 0);
        assertTrue(queue.pending().isEmpty());
    }

    @Test
    void sendsToOneInboxGoOneAfterAnotherInClaimOrder() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            enqueueTo(sales.url("/inbox"));
        }
        DeliveryWorker worker = worker(new DeliveryWorker.Settings(4, NO_POLL, 4));
        worker.start();

        await(() -> worker.inFlight() == 3 && heldSends.size() == 1);
        Thread.sleep(100);
        assertEquals(1, heldSends.size(), "the second send to the inbox waits for the first");
        while (queue.delivered().size() < 3) {
            finishOneSend();
        }
        assertEquals(List.of(1L, 2L, 3L), queue.delivered().stream().map(DeliveryJob::id).toList());
        await(() -> worker.inFlight() == 0);
    }

    @Test
    void sendsToOneInboxAboutDifferentObjectsRunSideBySideAndAboutOneObjectInOrder() throws InterruptedException {
        URI inbox = sales.url("/inbox");
        enqueueActivity(inbox, 1, "{\"id\":\"http://here.test/a/1\",\"type\":\"Create\","
                + "\"object\":{\"id\":\"http://here.test/notes/1\",\"type\":\"Note\"}}");
        enqueueActivity(inbox, 2, "{\"id\":\"http://here.test/a/2\",\"type\":\"Create\","
                + "\"object\":{\"id\":\"http://here.test/notes/2\",\"type\":\"Note\"}}");
        enqueueActivity(inbox, 3, "{\"id\":\"http://here.test/a/3\",\"type\":\"Update\","
                + "\"object\":{\"id\":\"http://here.test/notes/1\",\"type\":\"Note\"}}");
        enqueueActivity(inbox, 4, "{\"id\":\"http://here.test/a/4\",\"type\":\"Undo\","
                + "\"object\":{\"id\":\"http://here.test/a/9\",\"type\":\"Like\","
                + "\"object\":\"http://here.test/notes/2\"}}");
        DeliveryWorker worker = worker(new DeliveryWorker.Settings(4, NO_POLL, 4));
        worker.start();

        await(() -> worker.inFlight() == 4 && heldSends.size() == 2);
        Thread.sleep(100);
        assertEquals(2, heldSends.size(), "the Update of note 1 and the Undo about note 2 wait for the Creates");
        while (queue.delivered().size() < 4) {
            finishOneSend();
        }
        List<Long> order = queue.delivered().stream().map(DeliveryJob::id).toList();
        assertTrue(order.indexOf(1L) < order.indexOf(3L), "Create before Update of the same note: " + order);
        assertTrue(order.indexOf(2L) < order.indexOf(4L), "Create before the Undo about the same note: " + order);
        await(() -> worker.inFlight() == 0);
    }

    @Test
    void aWakeUpClaimsJobsCommittedBetweenPolls() throws InterruptedException {
        DeliveryWorker worker = worker(new DeliveryWorker.Settings(2, NO_POLL, 4));
        worker.start();
        Thread.sleep(100); // the first poll finds nothing
        enqueue(1);
        Thread.sleep(100);
        assertEquals(0, heldSends.size(), "nothing claims the job until it is announced");

        worker.wakeUp();
        finishOneSend();
        assertEquals(1, queue.delivered().size());
    }

    @Test
    void aStoppedWorkerIgnoresWakeUps() throws InterruptedException {
        DeliveryWorker worker = worker(new DeliveryWorker.Settings(2, NO_POLL, 4));
        enqueue(1);
        worker.wakeUp();
        Thread.sleep(100);
        assertEquals(0, heldSends.size());
        assertEquals(1, queue.pending().size());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(5);
        }
    }
}
