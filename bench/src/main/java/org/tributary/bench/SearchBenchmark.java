package org.tributary.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Benchmark 5: post search ({@code GET /api/v2/search?type=statuses}) over 1,000,000 posts, one word per
 * query ({@link TimelineSeeder#topic}: each matches 100 posts), at a fixed {@value #RATE} requests per
 * second, open loop. The posts are seeded straight into the stopped node's store, as for benchmark 4; the
 * node builds its search index from the store when it starts without one (the benchmark deletes the
 * index that setting up the data directory left); once a query finds the last seeded post (the node serves
 * while it builds its index) and the node has gone quiet ({@link NodeSettling}: Lucene merges for a while
 * after the build), it is measured. First an empty node is asked whether it has search at all: if
 * the endpoint answers 404 there is nothing to measure and no number is reported.
 */
public final class SearchBenchmark implements Benchmark {
    private static final int RATE = 50;

    @Override
    public int number() {
        return 5;
    }

    @Override
    public List<BenchRow> run(BenchContext context) throws Exception {
        int probeStatus = probe(context);
        if (probeStatus == 404) {
            return List.of(BenchRow.notAvailable("5", "search, 1,000,000 posts", "p99 ≤ 50 ms",
                    "not available: search is not built yet (GET /api/v2/search answered 404)"));
        }
        int statuses = context.count(2_000, 1_000_000);
        NodeDataDir data = NodeDataDir.init(context.newDirectory("search"), "search", BenchContext.freePort())
                .addEmployee("reader");
        context.progress("search: seeding " + statuses + " posts");
        DataSource store = data.dataSource();
        try {
            TimelineSeeder.seed(store, "reader", context.count(100, 5_000), context.count(10, 500), statuses);
        } finally {
            NodeDataDir.shutdown(store);
        }
        // Setting up the data directory started the node's store and search index once (for the account),
        // so the index is not empty; without it the node rebuilds the index from the store at start.
        deleteRecursively(data.directory().resolve("index"));
        try (NodeProcess node = NodeProcess.start(context, data)) {
            ClientApi api = new ClientApi(node.baseUrl());
            String token = api.login("reader", NodeDataDir.PASSWORD);
            double indexSeconds = awaitIndex(api, token, statuses - 1, context);
            Duration settling = NodeSettling.awaitQuiet(node, Duration.ofSeconds(context.count(5, 300)), context);
            int words = Math.min(TimelineSeeder.TOPICS, statuses);
            HomeTimelineBenchmark.run(api.httpClient(),
                    n -> api.searchRequest(token, TimelineSeeder.topic(n * 7 % words)), RATE,
                    Duration.ofSeconds(context.count(1, 10)), new AtomicInteger()); // warm-up
            AtomicInteger errors = new AtomicInteger();
            Latencies latencies = HomeTimelineBenchmark.run(api.httpClient(),
                    n -> api.searchRequest(token, TimelineSeeder.topic((n * 7919 + 3) % words)), RATE,
                    Duration.ofSeconds(context.count(2, 30)), errors);
            double p99 = latencies.p99Millis();
            return List.of(BenchRow.measured("5", String.format(Locale.ROOT, "search, %,d posts, %d req/s", statuses,
                    RATE), "p99 ≤ 50 ms", latencies.medianMillis(), OptionalDouble.of(p99), "ms",
                    BenchRow.atMost(p99, 50), String.format(Locale.ROOT, "%d one-word queries (100 matches each), "
                            + "%d errors, max %.1f ms; index built by the node at start in %.0f s, then %.0f s "
                            + "until the node was quiet (Lucene merging)", latencies.count(), errors.get(),
                            latencies.maxMillis(), indexSeconds, settling.toMillis() / 1000.0)));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The status of a post search on a fresh, empty node. */
    private static int probe(BenchContext context) throws Exception {
        NodeDataDir empty = NodeDataDir.init(context.newDirectory("search-probe"), "probe", BenchContext.freePort())
                .addEmployee("reader");
        try (NodeProcess node = NodeProcess.start(context, empty)) {
            ClientApi api = new ClientApi(node.baseUrl());
            String token = api.login("reader", NodeDataDir.PASSWORD);
            return api.httpClient().send(api.searchRequest(token, "anything"), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }

    /**
     * Waits until a query finds the last seeded post, by the number only its text has (the node builds its
     * index at start in the background, in id order, so that post comes last); returns the wait. Benchmark 4
     * waits the same way, so its timeline is not measured against the index build.
     */
    static double awaitIndex(ClientApi api, String token, int lastPost, BenchContext context)
            throws Exception {
        String number = Integer.toString(lastPost);
        String text = "Seeded post number " + number + " ";
        HttpClient client = api.httpClient();
        long start = System.nanoTime();
        int polls = 0;
        // Indexing a million posts at start takes minutes here; a node that finds nothing after this is broken.
        Duration limit = Duration.ofSeconds(context.count(60, 1_200));
        while (true) {
            HttpResponse<String> response = client.send(api.searchRequest(token, number),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains(text)) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (System.nanoTime() - start > limit.toNanos()) {
                throw new IllegalStateException("no search result after " + limit + ": " + response.statusCode()
                        + " " + response.body());
            }
            if (++polls % 15 == 0) {
                context.progress("search: waiting for the node's index");
            }
            NodeProcess.sleep(1_000);
        }
    }
}
