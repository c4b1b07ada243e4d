package org.tributary.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        // Each server warms up on as many activities as are measured. After 6,000, the node's optimizing compiler,
        // starved by the load on both cores, was still compiling through the measured phase (JFR: a C2 compile of
        // 100-300 ms every second or so), and the rate measured the warm-up: 1,448/s against 2,160/s after 30,000.
        int warmup = context.count(200, 30_000);
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
            SignedLoad load = SignedLoad.sign(context, actors, inbox, warmup, measured, "Tributary");
            List<BenchRow> rows = new ArrayList<>();

            NodeDataDir logged = node(context, "inbox", port, peers);
            Run ours;
            try (NodeProcess node = NodeProcess.start(context, logged)) {
                ours = Run.measure(node::cpuTime, () -> load.runAgainst(context, limit, node.memory(), "Tributary"));
                context.observations().recordInboxPeakRss(Math.max(node.memory().peakSampledKib(),
                        node.memory().rssKib()));
            }
            double rate = ours.result().medianWindowRate();
            rows.add(BenchRow.measured("1", "inbox throughput (signed Create(Note), 64 connections)",
                    "≥ 5,000/s", rate, OptionalDouble.empty(), "/s", BenchRow.atLeast(rate, TARGET_PER_SECOND),
                    describe(ours.result()) + String.format(Locale.ROOT, "; node CPU %.2f ms per accepted activity, "
                            + "handling it included; load generator CPU %.2f ms per request",
                            ours.cpuMillisPerActivity(), ours.loadCpuMillisPerRequest())));

            // 1c, A-B-B-A: twice without the log, then with it again, each on a fresh node, so that a load
            // drifting during the runs (a shared machine) weighs on both sides alike: the mean times of the two
            // logged and the two unlogged runs coincide.
            List<Run> withoutLog = new ArrayList<>();
            for (int run = 1; run <= 2; run++) {
                NodeDataDir unlogged = node(context, "inbox-unlogged-" + run, port, peers)
                        .configure("audit.federation.enabled", "false");
                try (NodeProcess node = NodeProcess.start(context, unlogged)) {
                    withoutLog.add(Run.measure(node::cpuTime, () -> load.runAgainst(context, limit, null,
                            "Tributary without the federation log")));
                }
            }
            Run loggedAgain;
            try (NodeProcess node = NodeProcess.start(context, node(context, "inbox-again", port, peers))) {
                loggedAgain = Run.measure(node::cpuTime, () -> load.runAgainst(context, limit, null,
                        "Tributary with the log, again"));
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
     * One run against one server: what the load generator saw, what the server's CPU spent per activity, and what
     * the load generator's own process spent per request (it shares the machine's cores with the server).
     */
    private record Run(LoadGenerator.Result result, double cpuMillisPerActivity, double loadCpuMillisPerRequest) {
        static Run measure(Supplier<Duration> serverCpuTime, Supplier<Phases> load) {
            Duration cpuBefore = serverCpuTime.get();
            Duration ownBefore = ownCpuTime();
            Phases phases = load.get();
            LoadGenerator.Result result = phases.measured();
            // Over all three phases, per accepted activity: what one costs the node and the sender (the whole
            // benchmark process, whose fake peers serve only the first phase's key fetches).
            int activities = phases.acceptedBefore() + result.succeeded();
            double cpu = serverCpuTime.get().minus(cpuBefore).toNanos() / 1e6 / activities;
            double own = ownCpuTime().minus(ownBefore).toNanos() / 1e6 / activities;
            return new Run(result, cpu, own);
        }

        private static Duration ownCpuTime() {
            return ProcessHandle.current().info().totalCpuDuration()
                    .orElseThrow(() -> new IllegalStateException("this system does not report process CPU time"));
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
            return Run.measure(floor::cpuTime, () -> load.runAgainst(context, limit, null, who));
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

    /** The three request lists of one run, signed before any clock starts. */
    private record SignedLoad(List<WireRequest> first, List<WireRequest> warm, List<WireRequest> measured) {
        static SignedLoad sign(BenchContext context, List<FakeActor> actors, URI inbox, int warmup, int measured,
                String who) {
            SignedRequests signer = new SignedRequests(SignatureScheme.CAVAGE);
            context.progress(who + ": signing " + (actors.size() + warmup + measured) + " activities");
            return new SignedLoad(signer.createNotes(actors, inbox, actors.size(), "first"),
                    signer.createNotes(actors, inbox, warmup, "warm-up"),
                    signer.createNotes(actors, inbox, measured, "measured"));
        }

        Phases runAgainst(BenchContext context, Duration limit, ProcessMemory memory, String who) {
            LoadGenerator load = new LoadGenerator(CONCURRENCY);
            // One activity per actor first, so the node's key fetches are not part of the measurement.
            LoadGenerator.Result firstResult = load.run(first, Duration.ofSeconds(30));
            context.progress(who + ": warm-up");
            LoadGenerator.Result warmResult = load.run(warm, limit);
            if (memory != null) {
                memory.resetSampledPeak();
            }
            context.progress(who + ": measuring " + measured.size() + " requests");
            LoadGenerator.Result result = load.run(measured, limit);
            context.progress(who + ": " + describe(result));
            return new Phases(firstResult.succeeded() + warmResult.succeeded(), result);
        }
    }

    /** A run's three phases: how many activities the first two had accepted, and the measured one. */
    private record Phases(int acceptedBefore, LoadGenerator.Result measured) {
    }

    private static BenchRow fedifyRow(BenchContext context, List<FakeActor> actors, int warmup, int measured,
            Duration limit, double ourRate) {
        String title = "inbox throughput, same load against Fedify (ratio = Tributary / Fedify)";
        if (!context.fedify()) {
            return BenchRow.notAvailable("1b", title, "ratio", "skipped (--no-fedify, or --quick without --fedify)");
        }
        try (FedifyServer fedify = FedifyServer.start(context)) {
            LoadGenerator.Result theirs = SignedLoad.sign(context, actors, fedify.baseUri().resolve("/inbox"),
                    warmup, measured, "Fedify").runAgainst(context, limit, null, "Fedify").measured();
            double rate = theirs.medianWindowRate();
            double ratio = ourRate / rate;
            return BenchRow.measured("1b", title, "ratio", rate, OptionalDouble.empty(), "/s",
                    BenchRow.Verdict.REPORTED, String.format(Locale.ROOT, "ratio Tributary/Fedify = %.2f; Fedify: %s",
                            ratio, describe(theirs)));
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
