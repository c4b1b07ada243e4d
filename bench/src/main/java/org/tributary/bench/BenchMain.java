package org.tributary.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the benchmarks against node processes started as users start them (the node's start script) and
 * prints the results table
 * and the machine. {@code --quick} is the smoke mode the test suite runs: every benchmark for a few
 * seconds with tiny counts, to prove it still works, not to measure.
 */
@Command(name = "tributary-bench", mixinStandardHelpOptions = true,
        description = "Run Tributary's benchmarks on loopback and print a results table.")
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--quick", description = "Smoke mode: tiny counts, a few seconds per benchmark.")
    boolean quick;

    @Option(names = "--only", split = ",", description = "Run only these benchmarks (1-6), e.g. --only 1,6.")
    List<Integer> only = new ArrayList<>();

    @Option(names = "--out", description = "Also write the table to this file.")
    Path out;

    @Option(names = "--node-script", description = "The node's start script, next to its jar (default: "
            + "node/target/tributary under the repository).")
    Path nodeScript;

    @Option(names = "--repo", description = "The repository root (default: found from the working directory).")
    Path repository;

    @Option(names = "--fedify", negatable = true, description = "Compare benchmark 1 with a Fedify server "
            + "(default: on, off with --quick).")
    Boolean fedify;

    @Option(names = "--node-jvm-arg", description = "Extra JVM option for node processes (repeatable), after the "
            + "node's own, e.g. for JFR.")
    List<String> nodeJvmArgs = new ArrayList<>();

    @Option(names = "--work-dir", description = "Scratch directory for data directories and logs (default: a new "
            + "temporary directory, deleted at the end unless --keep).")
    Path workDir;

    @Option(names = "--keep", description = "Keep the scratch directory (data directories, node logs).")
    boolean keep;

    private final PrintStream console;
    private List<BenchRow> rows = List.of();

    public BenchMain() {
        this(System.out);
    }

    BenchMain(PrintStream console) {
        this.console = console;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    /** The benchmarks in the order. */
    static List<Benchmark> all() {
        return List.of(new InboxThroughputBenchmark(), new FederationLatencyBenchmark(), new FanOutBenchmark(),
                new HomeTimelineBenchmark(), new SearchBenchmark(), new FootprintBenchmark());
    }

    /** The rows of the last run. */
    List<BenchRow> rows() {
        return rows;
    }

    @Override
    public Integer call() throws IOException {
        Path root = repository != null ? repository : findRepositoryRoot();
        Path script = nodeScript != null ? nodeScript : root.resolve("node/target/tributary");
        if (!Files.isExecutable(script)) {
            console.println("no node start script at " + script + "; build it first: mvn -B -q package -DskipTests");
            return 2;
        }
        Path scratch = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("tributary-bench-");
        BenchContext context = new BenchContext(quick, script.toAbsolutePath(), root.toAbsolutePath(), scratch,
                List.copyOf(nodeJvmArgs), fedify != null ? fedify : !quick, new Observations(), console);
        List<BenchRow> results = new ArrayList<>();
        try {
            for (Benchmark benchmark : all()) {
                if (!only.isEmpty() && !only.contains(benchmark.number())) {
                    continue;
                }
                context.progress("benchmark " + benchmark.number() + ": " + benchmark.getClass().getSimpleName());
                try {
                    results.addAll(benchmark.run(context));
                } catch (Exception | AssertionError e) {
                    e.printStackTrace(console);
                    results.add(BenchRow.notAvailable(Integer.toString(benchmark.number()),
                            benchmark.getClass().getSimpleName(), "", "failed: " + e));
                }
            }
        } finally {
            if (!keep && workDir == null) {
                deleteTree(scratch);
            } else {
                console.println("scratch directory kept: " + scratch);
            }
        }
        rows = List.copyOf(results);
        String table = ResultTable.render(rows, Machine.current(), quick);
        console.println();
        console.print(table);
        if (out != null) {
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
        return 0;
    }

    private static Path findRepositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("node")) && Files.isDirectory(candidate.resolve("spec"))) {
                return candidate;
            }
        }
        return here;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
