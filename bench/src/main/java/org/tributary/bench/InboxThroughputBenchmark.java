package org.tributary.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.tributary.federation.signature.SignatureScheme;

/**
 * Benchmark 1: signed Create(Note) activities from 20 actors on 4 allowlisted fake peers, pre-signed
 * (draft-cavage, RSA-2048: what most of the fediverse sends) before the clock starts, unique ids, posted
 * to one node's shared inbox with 64 requests in flight. Counts 202s per second: each one is verified,
 * de-duplicated and committed durably before the node answers. The same load then goes to a Fedify
 * server, when one can run here, for the ratio. 1c replays the same signed requests against two fresh
 * nodes with the federation log switched off ({@code audit.federation.enabled=false}) and then against
 * another fresh node with it on, to measure what the compliance log costs. Also records the node's peak
 * resident memory for benchmark 6.
 */
public final class InboxThroughputBenchmark implements Benchmark {
    static final int PEERS = 4;
    static final int ACTORS_PER_PEER = 5;
    static final int CONCURRENCY = 64;
    static final double TARGET_PER_SECOND = 5_000;

    @Override
    public int number() {
        return 1;
    }

    @Override
    public List<BenchRow> run(BenchContext context) throws Exception {
        // Each server warms up on at least as many activities as are measured, and a node on more, in rounds, while
        // its optimizing compiler is busy (WarmUp). Starved by the load on both cores, that compiler took half a
        // core through a measurement after 30,000 (a third of the node's CPU), and went quiet after 90,000-130,000.
        int warmup = context.count(200, 30_000);
        int warmupPool = context.count(200, 150_000);
        int measured = context.count(800, 30_000);
        Duration limit = Duration.ofSeconds(context.count(2, 60));
        ExecutorService peerThreads = Executors.newFixedThreadPool(4);
        List<FakePeer> peers = new ArrayList<>();
        try {
            List<FakeActor> actors = new ArrayList<>();
            for (int p = 0; p < PEERS; p++) {
                FakePeer peer = new FakePeer(peerThreads);
                peers.add(peer);
                for (int a = 0; a < ACTORS_PER_PEER; a++) {
                    actors.add(peer.addActor("sender" + p + "x" + a));
                }
            }
            // Both nodes listen on the same port in turn, so one set of signed requests serves both runs.
            int port = BenchContext.freePort();
            URI inbox = URI.create("http://127.0.0.1:" + port + "/inbox");
            SignedLoad load = SignedLoad.sign(context, actors, inbox, warmup, warmupPool, measured,
                    "Tributary");
            List<BenchRow> rows = new ArrayList<>();

            NodeDataDir logged = node(context, "inbox", port, peers);
            Run ours;
            try (NodeProcess node = NodeProcess.start(context, logged)) {
                ours = load.runAgainst(context, limit, Server.node(node, "Tributary", true));
                context.observations().recordInboxPeakRss(Math.max(node.memory().peakSampledKib(),
                        node.memory().rssKib()));
            }
            double rate = ours.result().medianWindowRate();
            rows.add(BenchRow.measured("1", "inbox throughput (signed Create(Note), 64 connections)",
                    "≥ 5,000/s", rate, OptionalDouble.empty(), "/s", BenchRow.atLeast(rate, TARGET_PER_SECOND),
                    describe(ours.result()) + String.format(Locale.ROOT, "; node CPU %.2f ms per accepted activity, "
                            + "handling it included; load generator CPU %.2f ms per request; ",
                            ours.cpuMillisPerActivity(), ours.loadCpuMillisPerRequest())
                            + ours.compilerSummary()));

            // 1c, A-B-B-A: twice without the log, then with it again, each on a fresh node, so that a load
            // drifting during the runs (a shared machine) weighs on both sides alike: the mean times of the two
            // logged and the two unlogged runs coincide.
            List<Run> withoutLog = new ArrayList<>();
            for (int run = 1; run <= 2; run++) {
                NodeDataDir unlogged = node(context, "inbox-unlogged-" + run, port, peers)
                        .configure("audit.federation.enabled", "false");
                try (NodeProcess node = NodeProcess.start(context, unlogged)) {
                    withoutLog.add(load.runAgainst(context, limit,
                            Server.node(node, "Tributary without the federation log", false)));
                }
            }
            Run loggedAgain;
            try (NodeProcess node = NodeProcess.start(context, node(context, "inbox-again", port, peers))) {
                loggedAgain = load.runAgainst(context, limit,
                        Server.node(node, "Tributary with the log, again", false));
            }
            rows.add(logCostRow(List.of(ours, loggedAgain), withoutLog));
            rows.add(floorRow(context, load, limit, port, rate));
            rows.add(fedifyRow(context, actors, warmup, measured, limit, rate));
            return rows;
        } finally {
            peers.forEach(FakePeer::close);
            peerThreads.shutdownNow();
        }
    }

    private static NodeDataDir node(BenchContext context, String name, int port, List<FakePeer> peers) {
        NodeDataDir data = NodeDataDir.init(context.newDirectory(name), "inbox", port);
        peers.forEach(peer -> data.allow(peer.authority()));
        return data;
    }

    /**
     * A server under load: its CPU clock, its memory (whose sampled peak is taken over the measured phase; null when
     * not wanted) and, for a node, its optimizing compiler, which the warm-up waits for.
     */
    private record Server(String who, Supplier<Duration> cpuTime, ProcessMemory memory,
            Optional<OptimizingCompiler> compiler) {
        static Server node(NodeProcess node, String who, boolean sampleMemory) {
            return new Server(who, node::cpuTime, sampleMemory ? node.memory() : null,
                    Optional.of(OptimizingCompiler.of(node.pid())));
        }

        static Server other(String who, Supplier<Duration> cpuTime) {
            return new Server(who, cpuTime, null, Optional.empty());
        }
    }

    /**
     * One run against one server: what the load generator saw in the measured phase, the warm-up before it, and
     * over the measured phase, what the server's CPU spent per activity, what the load generator's own process spent
     * per request (it shares the machine's cores with the server) and how much of a core the server's optimizing
     * compiler took (empty where not known).
     */
    private record Run(LoadGenerator.Result result, WarmUp warmUp, double cpuMillisPerActivity,
            double loadCpuMillisPerRequest, OptionalDouble compilerCores) {
        static Duration ownCpuTime() {
            return ProcessHandle.current().info().totalCpuDuration()
                    .orElseThrow(() -> new IllegalStateException("this system does not report process CPU time"));
        }

        String compilerSummary() {
            return warmUp.describe() + (compilerCores.isPresent() ? String.format(Locale.ROOT,
                    "; during the measurement the compiler took %.0f %% of a core", 100 * compilerCores.getAsDouble())
                    : "");
        }
    }

    /** Issue 4's bound: the compliance log may cost at most ~15 % of inbox throughput. */
    private static BenchRow logCostRow(List<Run> logged, List<Run> withoutLog) {
        double loggedRate = meanRate(logged);
        double unloggedRate = meanRate(withoutLog);
        double costPercent = 100 * (1 - loggedRate / unloggedRate);
        return BenchRow.measured("1c", "cost of the federation log: inbox throughput with it off, same requests",
                "cost ≤ 15 %", costPercent, OptionalDouble.empty(), "%", BenchRow.atMost(costPercent, 15),
                String.format(Locale.ROOT, "runs with, without, without, with the log: %s, %s, %s, %s; "
                        + "first run without: %s", summary(logged.get(0)), summary(withoutLog.get(0)),
                        summary(withoutLog.get(1)), summary(logged.get(1)), describe(withoutLog.get(0).result())));
    }

    /**
     * 1d: the same requests against {@link FloorServer}s, which answer 202 after reading the body, and after also
     * committing it as one durable Derby row: what Jetty, and Jetty with one durable row per activity, allow on
     * this machine with nothing verified or parsed. Reported, not a target: it says how far benchmark 1's target
     * lies beyond what the parts allow.
     */
    private static BenchRow floorRow(BenchContext context, SignedLoad load, Duration limit, int port, double ourRate) {
        String title = "floors for 1: the same requests, answered 202 by Jetty alone; and after one durable Derby row";
        try {
            Run http = floorRun(context, load, limit, port, FloorServer.Level.HTTP);
            Run durableRow = floorRun(context, load, limit, port, FloorServer.Level.DURABLE_ROW);
            double floor = durableRow.result().medianWindowRate();
            return BenchRow.measured("1d", title, "reported", floor, OptionalDouble.empty(), "/s",
                    BenchRow.Verdict.REPORTED, String.format(Locale.ROOT, "%s: %s; %s: %s%s",
                            FloorServer.Level.HTTP.argument, summary(http), FloorServer.Level.DURABLE_ROW.argument,
                            summary(durableRow), floor > 0 ? String.format(Locale.ROOT,
                                    "; the node reaches %.0f %% of the durable-row floor", 100 * ourRate / floor) : ""));
        } catch (RuntimeException e) { // the rows measured before stand
            return BenchRow.notAvailable("1d", title, "reported", "a floor server could not run: " + e.getMessage());
        }
    }

    private static Run floorRun(BenchContext context, SignedLoad load, Duration limit, int port,
            FloorServer.Level level) {
        String who = "floor server (" + level.argument + ")";
        try (FloorProcess floor = FloorProcess.start(level, port, context.newDirectory("floor-" + level.argument))) {
            return load.runAgainst(context, limit, Server.other(who, floor::cpuTime));
        }
    }

    private static String summary(Run run) {
        LoadGenerator.Result result = run.result();
        return String.format(Locale.ROOT, "%.0f/s (server CPU %.2f ms/activity, load generator %.2f ms%s)",
                result.medianWindowRate(), run.cpuMillisPerActivity(), run.loadCpuMillisPerRequest(),
                result.succeeded() < result.sent() ? String.format(Locale.ROOT, "; %d of %d not accepted",
                        result.sent() - result.succeeded(), result.sent()) : "");
    }

    private static double meanRate(List<Run> runs) {
        return runs.stream().mapToDouble(run -> run.result().medianWindowRate()).average().orElseThrow();
    }

    /**
     * The three request lists of one run, signed before any clock starts. The warm-up list is a pool: a server runs
     * {@code minimumWarmup} of it, and a node more, as long as its optimizing compiler is busy ({@link WarmUp}).
     */
    private record SignedLoad(List<WireRequest> first, List<WireRequest> warm, int minimumWarmup,
            List<WireRequest> measured) {
        static SignedLoad sign(BenchContext context, List<FakeActor> actors, URI inbox, int minimumWarmup,
                int warmupPool, int measured, String who) {
            SignedRequests signer = new SignedRequests(SignatureScheme.CAVAGE);
            context.progress(who + ": signing " + (actors.size() + warmupPool + measured) + " activities");
            return new SignedLoad(signer.createNotes(actors, inbox, actors.size(), "first"),
                    signer.createNotes(actors, inbox, warmupPool, "warm-up"), minimumWarmup,
                    signer.createNotes(actors, inbox, measured, "measured"));
        }

        Run runAgainst(BenchContext context, Duration limit, Server server) {
            LoadGenerator load = new LoadGenerator(CONCURRENCY);
            // One activity per actor first, so the node's key fetches are not part of the measurement.
            load.run(first, Duration.ofSeconds(30));
            context.progress(server.who() + ": warm-up");
            WarmUp warmUp = WarmUp.run(load, warm, minimumWarmup, limit, server.compiler());
            context.progress(server.who() + ": " + warmUp.describe());
            if (server.memory() != null) {
                server.memory().resetSampledPeak();
            }
            context.progress(server.who() + ": measuring " + measured.size() + " requests");
            Duration cpuBefore = server.cpuTime().get();
            Duration ownBefore = Run.ownCpuTime();
            OptimizingCompiler.Measured<LoadGenerator.Result> result = OptimizingCompiler.measure(server.compiler(),
                    () -> load.run(measured, limit));
            // Per accepted activity of the measured phase: what one costs the server, and the sender (the whole
            // benchmark process; its fake peers serve only the first phase's key fetches).
            int activities = Math.max(1, result.value().succeeded());
            double cpu = server.cpuTime().get().minus(cpuBefore).toNanos() / 1e6 / activities;
            double own = Run.ownCpuTime().minus(ownBefore).toNanos() / 1e6 / activities;
            context.progress(server.who() + ": " + describe(result.value()));
            return new Run(result.value(), warmUp, cpu, own, result.compilerCores());
        }
    }

    private static BenchRow fedifyRow(BenchContext context, List<FakeActor> actors, int warmup, int measured,
            Duration limit, double ourRate) {
        String title = "inbox throughput, same load against Fedify (ratio = Tributary / Fedify)";
        if (!context.fedify()) {
            return BenchRow.notAvailable("1b", title, "ratio", "skipped (--no-fedify, or --quick without --fedify)");
        }
        try (FedifyServer fedify = FedifyServer.start(context)) {
            Run theirs = SignedLoad.sign(context, actors, fedify.baseUri().resolve("/inbox"), warmup, warmup,
                    measured, "Fedify").runAgainst(context, limit, Server.other("Fedify", fedify::cpuTime));
            double rate = theirs.result().medianWindowRate();
            double ratio = ourRate / rate;
            return BenchRow.measured("1b", title, "ratio", rate, OptionalDouble.empty(), "/s",
                    BenchRow.Verdict.REPORTED, String.format(Locale.ROOT, "ratio Tributary/Fedify = %.2f; Fedify: %s; "
                            + "server CPU %.2f ms per accepted activity", ratio, describe(theirs.result()),
                            theirs.cpuMillisPerActivity()));
        } catch (RuntimeException e) {
            return BenchRow.notAvailable("1b", title, "ratio", "Fedify could not run: " + e.getMessage());
        }
    }

    static String describe(LoadGenerator.Result result) {
        return String.format(Locale.ROOT, "%d sent, %d accepted in %.2f s (mean %.0f/s, median of 250 ms windows "
                + "%.0f/s); request latency p50 %.1f ms, p99 %.1f ms; statuses %s%s",
                result.sent(), result.succeeded(), result.elapsedNanos() / 1e9, result.ratePerSecond(),
                result.medianWindowRate(), result.latencies().medianMillis(), result.latencies().p99Millis(),
                result.statuses(), result.failed() > 0 ? ", " + result.failed() + " failed" : "");
    }
}
