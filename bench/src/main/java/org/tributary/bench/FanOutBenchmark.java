package org.tributary.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.tributary.federation.signature.SignatureScheme;

/**
 * Benchmark 3: alice on one node has one follower on each of 20 fake peer nodes (they followed her
 * with signed Follow activities, so the node knows them the normal way). (a) Latency: a post, until the
 * last of the 20 peers has received its Create. (b) Sustained outbound deliveries per second during a
 * burst of posts, once with the peers accepting only RFC 9421 signatures (which the node signs with the
 * author's Ed25519 key) and once only draft-cavage (RSA); the peers record the key id and algorithm each
 * delivery declares, and the row's label says what they saw, not what was asked for.
 */
public final class FanOutBenchmark implements Benchmark {
    private static final int PEERS = 20;

    @Override
    public int number() {
        return 3;
    }

    @Override
    public List<BenchRow> run(BenchContext context) throws Exception {
        ExecutorService peerThreads = Executors.newFixedThreadPool(8);
        List<FakePeer> peers = new ArrayList<>();
        Map<String, Set<String>> creates = new ConcurrentHashMap<>(); // note id -> peers that received it
        Map<String, Long> lastArrival = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<FakePeer.Arrival> arrivals = new ConcurrentLinkedQueue<>();
        AtomicInteger accepts = new AtomicInteger();
        try {
            for (int p = 0; p < PEERS; p++) {
                FakePeer peer = new FakePeer(peerThreads);
                FakeActor follower = peer.addActor("follower" + p);
                peer.onArrival(arrival -> {
                    if (arrival.type().equals("Accept")) {
                        accepts.incrementAndGet();
                    } else if (arrival.type().equals("Create") && arrival.objectId() != null) {
                        creates.computeIfAbsent(arrival.objectId(), id -> ConcurrentHashMap.newKeySet())
                                .add(follower.id().toString());
                        lastArrival.merge(arrival.objectId(), arrival.nanos(), Math::max);
                        arrivals.add(arrival);
                    }
                });
                peers.add(peer);
            }
            NodeDataDir data = NodeDataDir.init(context.newDirectory("fanout"), "fanout", BenchContext.freePort())
                    .addEmployee("alice");
            peers.forEach(peer -> data.allow(peer.authority()));
            try (NodeProcess node = NodeProcess.start(context, data)) {
                follow(context, node.baseUrl(), peers, accepts);
                ClientApi api = new ClientApi(node.baseUrl());
                String alice = api.login("alice", NodeDataDir.PASSWORD);
                List<BenchRow> rows = new ArrayList<>();
                postAndWait(api, alice, creates, lastArrival, context.count(3, 20)); // warm-up
                Latencies latency = postAndWait(api, alice, creates, lastArrival, context.count(5, 50));
                rows.add(BenchRow.measured("3a", "fan-out: one post to followers on 20 peer nodes, until all "
                        + "delivered", "all ≤ 500 ms", latency.medianMillis(), OptionalDouble.of(latency.p99Millis()),
                        "ms", BenchRow.atMost(latency.p99Millis(), 500), latency.count() + " posts, max "
                                + BenchRow.format(latency.maxMillis()) + " ms"));
                int burst = context.count(10, 300);
                rows.add(throughput(context, "3b", SignatureScheme.RFC9421, FakePeer.SchemePolicy.RFC9421_ONLY, node,
                        api, alice, peers, creates, lastArrival, arrivals, burst));
                rows.add(throughput(context, "3c", SignatureScheme.CAVAGE, FakePeer.SchemePolicy.CAVAGE_ONLY, node,
                        api, alice, peers, creates, lastArrival, arrivals, burst));
                return rows;
            }
        } finally {
            peers.forEach(FakePeer::close);
            peerThreads.shutdownNow();
        }
    }

    /** Every peer's follower sends a signed Follow; waits until the node has sent all 20 Accepts. */
    private static void follow(BenchContext context, URI node, List<FakePeer> peers, AtomicInteger accepts) {
        URI alice = node.resolve("/users/alice");
        SignedRequests signer = new SignedRequests(SignatureScheme.CAVAGE);
        ClientApi transport = new ClientApi(node);
        for (FakePeer peer : peers) {
            FakeActor follower = peer.actors().get(0);
            try {
                HttpResponse<String> response = transport.httpClient().send(signer.post(follower,
                        alice.resolve("/users/alice/inbox"), SignedRequests.follow(follower, alice)),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 202) {
                    throw new IllegalStateException("Follow answered " + response.statusCode() + ": "
                            + response.body());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Follow failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (accepts.get() < peers.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + accepts.get() + " of " + peers.size() + " follows accepted");
            }
            NodeProcess.sleep(20);
        }
        context.progress("fan-out: " + peers.size() + " followers on " + peers.size() + " peers");
    }

    /** Posts one at a time, each time waiting until every peer has it. */
    private static Latencies postAndWait(ClientApi api, String token, Map<String, Set<String>> creates,
            Map<String, Long> lastArrival, int posts) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < posts; i++) {
            long start = System.nanoTime();
            String noteId = api.post(token, "fan-out probe " + i).getString("uri");
            long deadline = start + Duration.ofSeconds(30).toNanos();
            while (creates.getOrDefault(noteId, Set.of()).size() < PEERS && System.nanoTime() < deadline) {
                NodeProcess.sleep(1);
            }
            if (creates.getOrDefault(noteId, Set.of()).size() == PEERS) {
                latencies.recordNanos(lastArrival.get(noteId) - start);
            }
            NodeProcess.sleep(50);
        }
        return latencies;
    }

    private static BenchRow throughput(BenchContext context, String number, SignatureScheme scheme,
            FakePeer.SchemePolicy policy, NodeProcess node, ClientApi api, String token, List<FakePeer> peers,
            Map<String, Set<String>> creates, Map<String, Long> lastArrival,
            ConcurrentLinkedQueue<FakePeer.Arrival> arrivals, int posts) {
        peers.forEach(peer -> peer.policy(policy));
        // One post first so the node settles on the scheme each peer accepts (double-knocking), unmeasured.
        postAndWait(api, token, creates, lastArrival, 1);
        arrivals.clear();
        context.progress("fan-out: burst of " + posts + " posts, " + scheme);
        Duration cpuBefore = node.cpuTime();
        List<String> noteIds = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<jakarta.json.JsonObject>> pending = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            pending.add(api.postAsync(token, "fan-out burst " + scheme + " " + i));
            if (pending.size() == 8) {
                pending.forEach(future -> noteIds.add(future.join().getString("uri")));
                pending.clear();
            }
        }
        pending.forEach(future -> noteIds.add(future.join().getString("uri")));
        long deadline = System.nanoTime() + Duration.ofSeconds(context.count(20, 180)).toNanos();
        int expected = posts * PEERS;
        while (noteIds.stream().mapToInt(id -> creates.getOrDefault(id, Set.of()).size()).sum() < expected
                && System.nanoTime() < deadline) {
            NodeProcess.sleep(10);
        }
        Duration cpu = node.cpuTime().minus(cpuBefore);
        Set<String> burst = Set.copyOf(noteIds);
        List<FakePeer.Arrival> received = arrivals.stream().filter(a -> burst.contains(a.objectId())).toList();
        long first = received.stream().mapToLong(FakePeer.Arrival::nanos).min().orElse(0);
        long last = received.stream().mapToLong(FakePeer.Arrival::nanos).max().orElse(0);
        double rate = received.size() < 2 ? Double.NaN : (received.size() - 1) / ((last - first) / 1e9);
        String keys = received.stream().map(a -> a.scheme() + " " + keyKind(a.keyId())).distinct().sorted()
                .reduce((x, y) -> x + ", " + y).orElse("none");
        return BenchRow.measured(number, "fan-out: sustained outbound deliveries, " + signedWith(received, scheme),
                "reported", rate, OptionalDouble.empty(), "/s", BenchRow.Verdict.REPORTED,
                String.format(Locale.ROOT, "%d of %d deliveries of a %d-post burst received, first to last; "
                        + "signed as: %s; node CPU %.2f ms per delivery (%.1f s for the burst, posting included)",
                        received.size(), expected, posts, keys, cpu.toNanos() / 1e6 / Math.max(1, received.size()),
                        cpu.toNanos() / 1e9));
    }

    /**
     * What the peers saw, e.g. "RFC 9421 Ed25519 signatures": the scheme and algorithm each delivery declared,
     * all of them if they differ; the scheme asked for when nothing arrived.
     */
    private static String signedWith(List<FakePeer.Arrival> received, SignatureScheme asked) {
        if (received.isEmpty()) {
            return schemeName(asked) + " signatures (none received)";
        }
        return received.stream().map(a -> schemeName(a.scheme()) + " " + algorithmName(a.algorithm()))
                .distinct().sorted().reduce((x, y) -> x + " / " + y).orElseThrow() + " signatures";
    }

    private static String schemeName(SignatureScheme scheme) {
        return scheme == SignatureScheme.RFC9421 ? "RFC 9421" : "draft-cavage";
    }

    private static String schemeName(String recorded) {
        return recorded.equals("rfc9421") ? "RFC 9421" : "draft-cavage";
    }

    private static String algorithmName(String declared) {
        return switch (declared.toLowerCase(Locale.ROOT)) {
            case "ed25519" -> "Ed25519";
            case "rsa-v1_5-sha256", "rsa-sha256" -> "RSA-SHA256";
            case "" -> "(no algorithm declared)";
            default -> declared;
        };
    }

    private static String keyKind(String keyId) {
        return keyId.endsWith("#ed25519-key") ? "Ed25519 key" : keyId.endsWith("#main-key") ? "RSA key (#main-key)"
                : "key " + keyId;
    }
}
