package org.tributary.node.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.MutableClock;
import org.tributary.node.testing.TestDatabase;

/** The delivery queue's state transitions: queued (claimed in memory) → delivered | queued again | dead. */
class DeliveryStoreTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private TestDatabase store;
    private DeliveryStore deliveries;

    @BeforeEach
    void createStore() {
        store = TestDatabase.migrated(clock);
        deliveries = new DeliveryStore(store.database(), new IdGenerator(clock), clock);
    }

    @AfterEach
    void dropStore() {
        store.close();
    }

    @Test
    void enqueuedJobsGetIdsAndAreClaimedOnce() {
        DeliveryJob saved = enqueue("a", NOW).get(0);
        assertNotEquals(DeliveryJob.UNSAVED, saved.id());
        assertEquals(1, deliveries.count("queued"));

        List<DeliveryJob> claimed = deliveries.claimDue(NOW, 10);
        assertEquals(1, claimed.size());
        DeliveryJob job = claimed.get(0);
        assertEquals(saved.id(), job.id());
        assertEquals(saved.inbox(), job.inbox());
        assertArrayEquals(saved.body(), job.body());
        assertEquals(saved.signingKeyId(), job.signingKeyId());
        assertEquals(0, job.attempts());
        assertEquals(1, deliveries.count("queued"), "a claim is not written: a crash leaves the row queued");
        assertEquals(List.of(), deliveries.claimDue(NOW, 10), "a claimed job is not claimed again");
    }

    @Test
    void onlyDueJobsAreClaimedOldestFirstUpToTheMaximum() {
        enqueue("later", NOW.plusSeconds(60));
        enqueue("second", NOW.minusSeconds(10));
        enqueue("first", NOW.minusSeconds(20));

        assertEquals(List.of("first"), activities(deliveries.claimDue(NOW, 1)));
        assertEquals(List.of("second"), activities(deliveries.claimDue(NOW, 10)));
        assertEquals(List.of("later"), activities(deliveries.claimDue(NOW.plusSeconds(60), 10)));
    }

    @Test
    void aRescheduledJobWaitsUntilItsNextAttempt() {
        enqueue("a", NOW);
        DeliveryJob job = deliveries.claimDue(NOW, 10).get(0);
        clock.advance(Duration.ofSeconds(1));

        deliveries.reschedule(job.afterAttempt(NOW.plusSeconds(30)), NOW.plusSeconds(30), "503 from peer");

        assertEquals(1, deliveries.count("queued"));
        assertEquals("queued|1|" + NOW.plusSeconds(30) + "|503 from peer|" + NOW.plusSeconds(1), row(job.id()));
        assertEquals(List.of(), deliveries.claimDue(NOW.plusSeconds(29), 10));
        DeliveryJob again = deliveries.claimDue(NOW.plusSeconds(30), 10).get(0);
        assertEquals(1, again.attempts());
    }

    @Test
    void eachAttemptIsCountedOnceAcrossRetries() {
        // The worker hands the job back with the attempt already counted; the store must not count it again,
        // or a peer that is down gets half the retries its backoff schedule promises.
        enqueue("a", NOW);
        for (int attempt = 1; attempt <= 3; attempt++) {
            DeliveryJob claimed = deliveries.claimDue(NOW.plusSeconds(attempt * 60L), 10).get(0);
            assertEquals(attempt - 1, claimed.attempts());
            Instant next = NOW.plusSeconds((attempt + 1) * 60L);
            deliveries.reschedule(claimed.afterAttempt(next), next, "503 from peer");
        }
        assertEquals(3, deliveries.claimDue(NOW.plusSeconds(3600), 10).get(0).attempts());
    }

    @Test
    void aDeliveredJobIsDone() {
        enqueue("a", NOW);
        DeliveryJob job = deliveries.claimDue(NOW, 10).get(0);
        deliveries.markDelivered(job.afterAttempt(NOW));
        assertEquals(1, deliveries.count("delivered"));
        assertEquals("delivered|1|" + NOW + "|null|" + NOW, row(job.id()));
        assertEquals(List.of(), deliveries.claimDue(NOW.plusSeconds(3600), 10));
    }

    @Test
    void aDeadLetteredJobKeepsItsErrorTrimmed() {
        enqueue("a", NOW);
        DeliveryJob job = deliveries.claimDue(NOW, 10).get(0);
        deliveries.deadLetter(job.afterAttempt(NOW), "x".repeat(600));
        assertEquals(1, deliveries.count("dead"));
        assertEquals("dead|1|" + NOW + "|" + "x".repeat(500) + "|" + NOW, row(job.id()));
        assertEquals(List.of(), deliveries.claimDue(NOW.plusSeconds(3600), 10));
    }

    @Test
    void jobsInFlightAtACrashAreClaimedAgainAfterTheRestart() {
        enqueue("a", NOW);
        enqueue("b", NOW);
        assertEquals(1, deliveries.claimDue(NOW, 1).size());
        assertEquals(List.of("b"), activities(deliveries.claimDue(NOW, 10)), "the one in flight is skipped");

        DeliveryStore afterRestart = new DeliveryStore(store.database(), new IdGenerator(clock), clock);

        assertEquals(Set.of("a", "b"), Set.copyOf(activities(afterRestart.claimDue(NOW, 10))));
    }

    @Test
    void aJobIsNeverClaimedAgainWhileItsOutcomeIsBeingStored() throws Exception {
        // The worker claims on one thread while sends finish on others; a claim that read a row just before
        // its outcome committed must not hand it out again.
        int jobs = 400;
        for (int i = 0; i < jobs; i++) {
            enqueue("job-" + i, NOW);
        }
        java.util.Map<Long, Integer> claims = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.BlockingQueue<DeliveryJob> inFlight = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.ExecutorService finishers = java.util.concurrent.Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            finishers.submit(() -> {
                DeliveryJob job;
                while ((job = inFlight.poll(5, java.util.concurrent.TimeUnit.SECONDS)) != null) {
                    deliveries.markDelivered(job.afterAttempt(NOW));
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (deliveries.count("delivered") < jobs && System.nanoTime() < deadline) {
            for (DeliveryJob job : deliveries.claimDue(NOW, 16)) {
                claims.merge(job.id(), 1, Integer::sum);
                inFlight.add(job);
            }
        }
        finishers.shutdown();
        finishers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(jobs, deliveries.count("delivered"));
        assertEquals(jobs, claims.size());
        assertEquals(java.util.Map.of(), claims.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)),
                "claimed more than once");
    }

    @Test
    void aClaimIsReleasedWhenItsOutcomeIsStored() {
        enqueue("a", NOW);
        DeliveryJob job = deliveries.claimDue(NOW, 10).get(0);
        Instant next = NOW.plusSeconds(30);
        deliveries.reschedule(job.afterAttempt(next), next, "503 from peer");
        assertEquals(List.of("a"), activities(deliveries.claimDue(next, 10)));
    }

    private List<DeliveryJob> enqueue(String name, Instant due) {
        return deliveries.enqueue(List.of(DeliveryJob.unsaved(URI.create("https://finance.example/activities/" + name),
                URI.create("https://sales.example/inbox"), ("{\"id\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8),
                URI.create("https://finance.example/users/alice#main-key"), due)));
    }

    private static List<String> activities(List<DeliveryJob> jobs) {
        return jobs.stream().map(job -> job.activityId().getPath().replace("/activities/", "")).toList();
    }

    private String row(long id) {
        return store.database().inTransaction(connection -> Jdbc.queryOne(connection,
                "SELECT state, attempts, next_attempt_at, last_error, updated_at FROM deliveries WHERE id = ?",
                row -> row.getString(1) + "|" + row.getInt(2) + "|" + Jdbc.instant(row, "next_attempt_at") + "|"
                        + row.getString(4) + "|" + Jdbc.instant(row, "updated_at"), id)).orElseThrow();
    }
}
