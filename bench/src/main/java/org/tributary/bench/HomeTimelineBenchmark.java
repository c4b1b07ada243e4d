package org.tributary.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * Benchmark 4: a node whose store holds 1,000,000 posts by 5,000 remote authors; the reader follows
 * 500 of them. Home timeline requests (first page, 20 posts) arrive at a fixed 200 per second, an open
 * loop: latency counts from when a request was due, so a slow answer cannot hide the queue behind it.
 * Before that, the node is warmed up with {@value #WARM_UP_REQUESTS} requests, {@value #WARM_UP_IN_FLIGHT}
 * in flight (a closed loop, as fast as it answers; at most a minute), so the measurement sees a node past
 * its JIT warm-up rather than a queue the warm-up left behind: on this project's machine the first few
 * thousand pages of a fresh node are several times slower than the later ones. And before all that, the
 * node's search index has caught up with the seeded posts: a node builds it from the store at start, in
 * the background, which on this machine takes about a core for the better part of a minute; posts that
 * came through the inbox would have been indexed as they came.
 */
public final class HomeTimelineBenchmark implements Benchmark {
    private static final int RATE = 200;
    /** More than this many unanswered requests means the node has fallen behind for good: stop sending. */
    private static final int MAX_OUTSTANDING = 400;
    /** Requests in flight while warming up. */
    static final int WARM_UP_IN_FLIGHT = 8;
    /** Requests answered to warm up, unless a minute passes first. */
    static final int WARM_UP_REQUESTS = 10_000;

    @Override
    public int number() {
        return 4;
    }

    @Override
    public List<BenchRow> run(BenchContext context) throws Exception {
        int statuses = context.count(2_000, 1_000_000);
        int authors = context.count(100, 5_000);
        int followed = context.count(10, 500);
        NodeDataDir data = NodeDataDir.init(context.newDirectory("timeline"), "timeline", BenchContext.freePort())
                .addEmployee("reader");
        context.progress("timeline: seeding " + statuses + " posts");
        long seedStart = System.nanoTime();
        DataSource store = data.dataSource();
        try {
            TimelineSeeder.seed(store, "reader", authors, followed, statuses);
        } finally {
            NodeDataDir.shutdown(store);
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        context.progress(String.format(Locale.ROOT, "timeline: seeded in %.1f s", seedSeconds));
        try (NodeProcess node = NodeProcess.start(context, data)) {
            ClientApi api = new ClientApi(node.baseUrl());
            String token = api.login("reader", NodeDataDir.PASSWORD);
            double indexSeconds = SearchBenchmark.awaitIndex(api, token, statuses - 1, context);
            NodeSettling.awaitQuiet(node, Duration.ofSeconds(context.count(5, 300)), context);
            HttpRequest request = api.homeRequest(token);
            Latencies single = sequential(api.httpClient(), request, context.count(3, 5));
            LoadGenerator.Result warmUp = new LoadGenerator(WARM_UP_IN_FLIGHT).run(
                    Collections.nCopies(context.count(100, WARM_UP_REQUESTS), WireRequest.of(request)),
                    Duration.ofSeconds(context.count(1, 60)));
            AtomicInteger errors = new AtomicInteger();
            Latencies latencies = run(api.httpClient(), n -> request, RATE, Duration.ofSeconds(context.count(2, 30)),
                    errors);
            String unloaded = String.format(Locale.ROOT, "search index caught up %.0f s after start; one request at a "
                    + "time beforehand: median %.1f ms, max %.1f ms; warm-up: %d requests with %d in flight, %.0f req/s",
                    indexSeconds, single.medianMillis(), single.maxMillis(), warmUp.sent(), WARM_UP_IN_FLIGHT,
                    warmUp.ratePerSecond());
            if (latencies.count() == 0) {
                // The node could not answer at 200/s at all: report the unloaded latency, which is the reason.
                return List.of(BenchRow.measured("4", String.format(Locale.ROOT, "home timeline, %,d posts, "
                        + "following %d, one request at a time (200 req/s overloaded the node)", statuses, followed),
                        "p99 ≤ 20 ms", single.medianMillis(), OptionalDouble.of(single.p99Millis()), "ms",
                        BenchRow.Verdict.MISS, String.format(Locale.ROOT, "at 200 req/s no request was answered "
                                + "before the backlog limit; %s; seeded by JDBC batch inserts in %.0f s", unloaded,
                                seedSeconds)));
            }
            double p99 = latencies.p99Millis();
            return List.of(BenchRow.measured("4", String.format(Locale.ROOT, "home timeline, %,d posts, following %d, "
                    + "200 req/s", statuses, followed), "p99 ≤ 20 ms", latencies.medianMillis(), OptionalDouble.of(p99),
                    "ms", BenchRow.atMost(p99, 20), String.format(Locale.ROOT, "%d requests, %d errors, max %.1f ms; "
                            + "%s; seeded by JDBC batch inserts in %.0f s", latencies.count(), errors.get(),
                            latencies.maxMillis(), unloaded, seedSeconds)));
        }
    }

    /** A few requests one after another; a request that times out is recorded at its timeout and ends the probe. */
    static Latencies sequential(HttpClient client, HttpRequest request, int count) throws Exception {
        Latencies latencies = new Latencies();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            try {
                client.send(request, HttpResponse.BodyHandlers.discarding());
                latencies.recordNanos(System.nanoTime() - start);
            } catch (java.net.http.HttpTimeoutException slow) {
                latencies.recordNanos(System.nanoTime() - start);
                break;
            }
        }
        return latencies;
    }

    /**
     * Sends {@code requests.apply(n)} as the n-th request at a fixed {@code rate} per second (open loop);
     * a non-200 answer counts as an error. Returns once every request sent has been answered (or timed
     * out), so whatever runs next does not meet this run's backlog.
     */
    static Latencies run(HttpClient client, IntFunction<HttpRequest> requests, int rate, Duration duration,
            AtomicInteger errors) throws InterruptedException {
        Latencies latencies = new Latencies();
        int total = (int) (duration.toSeconds() * rate);
        AtomicInteger done = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long period = 1_000_000_000L / rate;
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean overloaded = new java.util.concurrent.atomic.AtomicBoolean();
        clock.scheduleAtFixedRate(() -> {
            int n = issued.getAndIncrement();
            if (n >= total) {
                return;
            }
            if (n - done.get() > MAX_OUTSTANDING) {
                overloaded.set(true);
                return;
            }
            long due = start + n * period;
            sent.incrementAndGet();
            client.sendAsync(requests.apply(n), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies.recordNanos(System.nanoTime() - due);
                if (error != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                done.incrementAndGet();
            });
        }, 0, period, TimeUnit.NANOSECONDS);
        long deadline = start + duration.toNanos() + Duration.ofSeconds(30).toNanos();
        while (done.get() < total && !overloaded.get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        clock.shutdownNow();
        // The requests in flight are waited for: each answers or times out (30 s) and is recorded.
        long drained = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (done.get() < sent.get() && System.nanoTime() < drained) {
            Thread.sleep(10);
        }
        if (overloaded.get()) {
            // Requests never sent because the node fell too far behind count as errors.
            errors.addAndGet(Math.max(0, total - sent.get()));
        }
        return latencies;
    }
}
