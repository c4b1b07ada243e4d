package org.tributary.federation.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.federation.spi.FederationEvent.DeliveryAttempted;
import org.tributary.federation.spi.FederationEvent.DeliveryDisposition;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.federation.testing.InMemoryDeliveryQueue;
import org.tributary.federation.testing.InMemoryLocalKeys;
import org.tributary.federation.testing.MutableClock;
import org.tributary.federation.testing.RecordingEventListener;
import org.tributary.federation.testing.TestActor;
import org.tributary.federation.testing.TestPeerServer;

/** The delivery worker against real HTTP servers on loopback ports that verify every signature. */
class DeliveryWorkerTest {

    private static final Instant NOW = Instant.parse("2026-03-05T09:07:03Z");
    private static final URI ACTIVITY = URI.create("http://here.test/users/ann/statuses/1/activity");
    private static final byte[] BODY = ("{\"id\":\"" + ACTIVITY + "\",\"type\":\"Create\"}").getBytes(StandardCharsets.UTF_8);
    private static TestActor ann;

    private final MutableClock clock = new MutableClock(NOW);
    private final HttpSignatures signatures = new HttpSignatures(clock, Duration.ofHours(1), Duration.ofMinutes(5));
    private final TestPeerServer sales = TestPeerServer.start(signatures);
    private final TestPeerServer hr = TestPeerServer.start(signatures);
    private final PeerPolicy peers = Set.of(sales.authority(), hr.authority())::contains;
    private final InMemoryDeliveryQueue queue = new InMemoryDeliveryQueue();
    private final RecordingEventListener events = new RecordingEventListener();
    private final SignatureSchemeMemory schemes = new SignatureSchemeMemory();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ScheduledExecutorService> executors = new ArrayList<>();

    @BeforeAll
    static void localActor() {
        ann = TestActor.rsa("http://here.test/users/ann");
    }

    DeliveryWorkerTest() {
        sales.trust(ann.keyId(), ann.keys().getPublic());
        hr.trust(ann.keyId(), ann.keys().getPublic());
    }

    @AfterEach
    void stopServers() {
        sales.close();
        hr.close();
        executors.forEach(ScheduledExecutorService::shutdownNow);
    }

    private DeliveryWorker worker(BackoffSchedule backoff, PeerCircuitBreaker breaker) {
        DoubleKnockSender sender = new DoubleKnockSender(client, signatures, schemes, Duration.ofSeconds(5));
        JobDelivery delivery = new JobDelivery(queue, new InMemoryLocalKeys().add(ann.signingKey()), peers, sender,
                backoff, breaker, events, clock);
        return new DeliveryWorker(queue, delivery, scheduler(), Runnable::run, clock,
                new DeliveryWorker.Settings(10, Duration.ofMillis(20)));
    }

    private ScheduledExecutorService scheduler() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        executors.add(scheduler);
        return scheduler;
    }

    private DeliveryWorker worker() {
        return worker(BackoffSchedule.mastodonLike(new Random(1)), new PeerCircuitBreaker(100, Duration.ofSeconds(60), clock));
    }

    private DeliveryJob enqueueTo(URI inbox) {
        return queue.enqueue(List.of(DeliveryJob.unsaved(ACTIVITY, inbox, BODY, ann.keyId(), clock.instant()))).get(0);
    }

    private List<DeliveryDisposition> dispositions() {
        return events.eventsOf(DeliveryAttempted.class).stream().map(DeliveryAttempted::disposition).toList();
    }

    @Test
    void sendsOneSignedRequestPerPeerHoweverManyFollowers() {
        List<RecipientInbox> followers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            followers.add(RecipientInbox.withShared(sales.url("/users/u" + i + "/inbox"), sales.url("/inbox")));
        }
        for (int i = 0; i < 3; i++) {
            followers.add(RecipientInbox.withShared(hr.url("/users/u" + i + "/inbox"), hr.url("/inbox")));
        }
        queue.enqueue(new DeliveryPlanner(peers, clock).plan(ACTIVITY, BODY, ann.keyId(), followers).jobs());

        assertEquals(2, worker().runOnce());

        for (TestPeerServer peer : List.of(sales, hr)) {
            assertEquals(1, peer.received().size());
            TestPeerServer.Received request = peer.received().get(0);
            assertEquals("POST", request.method());
            assertEquals("/inbox", request.target().getPath());
            assertTrue(request.verification().verified(), request.verification().toString());
            assertEquals(Optional.of("application/activity+json"), request.headers().first("content-type"));
            assertEquals(new String(BODY, StandardCharsets.UTF_8), new String(request.body(), StandardCharsets.UTF_8));
        }
        assertEquals(2, queue.delivered().size());
        assertEquals(List.of(DeliveryDisposition.DELIVERED, DeliveryDisposition.DELIVERED), dispositions());
    }

    @Test
    void retriesAfterA500WithBackoff() {
        sales.respondWith(500);
        DeliveryJob job = enqueueTo(sales.url("/inbox"));
        DeliveryWorker worker = worker();

        worker.runOnce();
        DeliveryJob waiting = queue.pending().get(0);
        assertEquals(1, waiting.attempts());
        Duration wait = Duration.between(NOW, waiting.nextAttemptAt());
        assertTrue(wait.compareTo(Duration.ofSeconds(15)) >= 0 && wait.compareTo(Duration.ofSeconds(24)) <= 0, wait.toString());
        assertEquals(Optional.of("HTTP 500"), queue.lastError(job.id()));

        assertEquals(0, worker.runOnce(), "not due before its time");
        clock.advance(Duration.ofSeconds(25));
        assertEquals(1, worker.runOnce());

        assertEquals(2, sales.received().size());
        assertEquals(2, queue.delivered().get(0).attempts());
        assertEquals(List.of(DeliveryDisposition.RESCHEDULED, DeliveryDisposition.DELIVERED), dispositions());
    }

    @Test
    void doesNotRetryA403() {
        sales.respondWith(403);
        enqueueTo(sales.url("/inbox"));
        DeliveryWorker worker = worker();

        worker.runOnce();
        clock.advance(Duration.ofDays(4));
        worker.runOnce();

        assertEquals(1, sales.received().size());
        assertTrue(queue.pending().isEmpty());
        assertEquals(1, queue.deadLetters().size());
        assertTrue(queue.deadLetters().get(0).lastError().contains("403"));
        assertEquals(List.of(DeliveryDisposition.DEAD_LETTERED), dispositions());
    }

    @Test
    void retriesA429() {
        sales.respondWith(429);
        enqueueTo(sales.url("/inbox"));
        worker().runOnce();

        assertEquals(1, queue.pending().size());
        assertEquals(List.of(DeliveryDisposition.RESCHEDULED), dispositions());
        assertEquals(429, events.eventsOf(DeliveryAttempted.class).get(0).status().getAsInt());
    }

    @Test
    void deadLettersAfterTheLastAttempt() {
        sales.answerByDefault(503);
        enqueueTo(sales.url("/inbox"));
        DeliveryWorker worker = worker(new BackoffSchedule(3, new Random(1)),
                new PeerCircuitBreaker(100, Duration.ofSeconds(60), clock));

        for (int round = 0; round < 5; round++) {
            worker.runOnce();
            clock.advance(Duration.ofDays(1));
        }

        assertEquals(3, sales.received().size());
        assertEquals(1, queue.deadLetters().size());
        assertEquals(3, queue.deadLetters().get(0).job().attempts());
        assertTrue(queue.deadLetters().get(0).lastError().contains("last of 3"), queue.deadLetters().get(0).lastError());
        assertEquals(List.of(DeliveryDisposition.RESCHEDULED, DeliveryDisposition.RESCHEDULED,
                DeliveryDisposition.DEAD_LETTERED), dispositions());
    }

    @Test
    void fallsBackToCavageOn401AndRemembersIt() {
        sales.refuse(SignatureScheme.RFC9421);
        enqueueTo(sales.url("/inbox"));
        DeliveryWorker worker = worker();

        worker.runOnce();
        assertEquals(List.of(Optional.of(SignatureScheme.RFC9421), Optional.of(SignatureScheme.CAVAGE)),
                sales.received().stream().map(TestPeerServer.Received::scheme).toList());
        assertEquals(List.of(401, 202), sales.received().stream().map(TestPeerServer.Received::answeredWith).toList());
        assertEquals(1, queue.delivered().size());
        assertEquals(Optional.of(SignatureScheme.CAVAGE), schemes.rememberedFor(sales.authority()));
        assertEquals(List.of(DeliveryDisposition.SCHEME_FALLBACK, DeliveryDisposition.DELIVERED), dispositions());

        enqueueTo(sales.url("/inbox"));
        worker.runOnce();
        assertEquals(3, sales.received().size(), "the second delivery knocks once, with cavage");
        assertEquals(Optional.of(SignatureScheme.CAVAGE), sales.received().get(2).scheme());
    }

    @Test
    void remembersRfc9421WhenThePeerAcceptsIt() {
        enqueueTo(hr.url("/inbox"));
        worker().runOnce();
        assertEquals(Optional.of(SignatureScheme.RFC9421), hr.received().get(0).scheme());
        assertEquals(Optional.of(SignatureScheme.RFC9421), schemes.rememberedFor(hr.authority()));
    }

    @Test
    void reschedulesWhenThePeerIsUnreachable() {
        TestPeerServer gone = TestPeerServer.start(signatures);
        URI inbox = gone.url("/inbox");
        gone.close();
        DeliveryWorker worker = new DeliveryWorker(queue, new JobDelivery(queue,
                new InMemoryLocalKeys().add(ann.signingKey()), authority -> true,
                new DoubleKnockSender(client, signatures, schemes, Duration.ofSeconds(2)),
                BackoffSchedule.mastodonLike(new Random(1)), PeerCircuitBreaker.mastodonLike(clock), events, clock),
                scheduler(), Runnable::run, clock, DeliveryWorker.Settings.defaults());
        enqueueTo(inbox);

        worker.runOnce();

        assertEquals(1, queue.pending().get(0).attempts());
        assertEquals(List.of(DeliveryDisposition.RESCHEDULED), dispositions());
        assertTrue(events.eventsOf(DeliveryAttempted.class).get(0).status().isEmpty());
    }

    @Test
    void postponesWithoutARequestWhileThePeersCircuitIsOpen() {
        sales.respondWith(500);
        DeliveryJob job = enqueueTo(sales.url("/inbox"));
        DeliveryWorker worker = worker(BackoffSchedule.mastodonLike(new Random(1)),
                new PeerCircuitBreaker(1, Duration.ofSeconds(60), clock));

        worker.runOnce();
        clock.advance(Duration.ofSeconds(30));
        worker.runOnce();

        assertEquals(1, sales.received().size());
        DeliveryJob postponed = queue.pending().get(0);
        assertEquals(job.id(), postponed.id());
        assertEquals(1, postponed.attempts(), "a postponement is not an attempt");
        assertEquals(NOW.plusSeconds(60), postponed.nextAttemptAt());
        assertEquals(List.of(DeliveryDisposition.RESCHEDULED, DeliveryDisposition.POSTPONED), dispositions());
    }

    @Test
    void deadLettersAJobWhoseSigningKeyIsGone() {
        queue.enqueue(List.of(DeliveryJob.unsaved(ACTIVITY, sales.url("/inbox"), BODY,
                URI.create("http://here.test/users/deleted#main-key"), NOW)));
        worker().runOnce();
        assertTrue(sales.received().isEmpty());
        assertEquals(1, queue.deadLetters().size());
    }

    @Test
    void deadLettersAJobForAPeerNoLongerAllowed() {
        TestPeerServer other = TestPeerServer.start(signatures);
        try {
            enqueueTo(other.url("/inbox"));
            worker().runOnce();
            assertTrue(other.received().isEmpty());
            assertTrue(queue.deadLetters().get(0).lastError().startsWith("peer_not_allowed"));
        } finally {
            other.close();
        }
    }

    @Test
    void startedWorkerDeliversOnItsOwnUntilStopped() throws InterruptedException {
        enqueueTo(sales.url("/inbox"));
        DeliveryWorker worker = worker();
        worker.start();
        assertTrue(worker.isRunning());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (queue.delivered().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        worker.stop();
        assertEquals(1, queue.delivered().size());
        assertTrue(!worker.isRunning());
    }
}
