package org.tributary.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Benchmark 6: start-to-serving of every node process this run started (spawn of the start script until
 * {@code /.well-known/nodeinfo} answers), and the node's peak resident memory (VmRSS, sampled every
 * 50 ms) during benchmark 1, with the JVM options the start script gives a node by default (plus any
 * {@code --node-jvm-arg}, which the notes then name). Runs benchmark 1 itself when it was not run.
 */
public final class FootprintBenchmark implements Benchmark {
    @Override
    public int number() {
        return 6;
    }

    @Override
    public List<BenchRow> run(BenchContext context) throws Exception {
        if (context.observations().inboxPeakRssKib().isEmpty()) {
            context.progress("footprint: running benchmark 1 for its memory figure");
            new InboxThroughputBenchmark().run(new BenchContext(context.quick(), context.nodeScript(),
                    context.repositoryRoot(), context.workDirectory(), context.nodeJvmArgs(), false,
                    context.observations(), context.log()));
        }
        List<BenchRow> rows = new ArrayList<>();
        Latencies starts = context.observations().starts();
        String options = context.nodeJvmArgs().isEmpty() ? ""
                : "; with --node-jvm-arg " + String.join(" ", context.nodeJvmArgs());
        rows.add(BenchRow.measured("6a", "footprint: process start to serving", "≤ 3 s",
                starts.medianMillis() / 1000, OptionalDouble.of(starts.percentileMillis(100) / 1000), "s",
                BenchRow.atMost(starts.percentileMillis(100) / 1000, 3), String.format(Locale.ROOT,
                        "%d node starts in this run (start script to first answer), %d of them with the class-data "
                        + "archive; p99 column is the slowest%s", starts.count(),
                        context.observations().startsWithClassArchive(), options)));
        OptionalLong rss = context.observations().inboxPeakRssKib();
        double megabytes = rss.orElse(0) * 1024 / 1e6;
        rows.add(BenchRow.measured("6b", "footprint: resident memory during benchmark 1 (default JVM settings)",
                "≤ 300 MB", megabytes, OptionalDouble.empty(), "MB", BenchRow.atMost(megabytes, 300),
                "peak VmRSS of the node's process (one JVM, started by the start script with its default options) "
                        + "while it took the measured load" + options));
        return rows;
    }
}
