package org.tributary.node.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.tributary.node.config.NodeConfig;

/**
 * The JVM options a command runs with, decided in one place for both ways of starting it: the start script
 * ({@code tributary}, which runs {@link #main} and then starts the node's JVM with what it prints) and
 * {@link JvmRelaunch} (a bare {@code java -jar}).
 *
 * <p>The long-running commands ({@code serve}, {@code demo}) get memory settings of their own: a JVM started
 * without a heap limit sizes its heap from the machine (a quarter of RAM) and grows into it under load;
 * measured, a node took 1.4 GB resident on a 24 GB machine while its live data was a few tens of MB. Their
 * options come from {@value #ENVIRONMENT} first, then {@value #PROPERTY} in the data directory's
 * {@code tributary.properties} ({@code serve} only: the demo has no such file), else {@link #defaults};
 * an empty value means none at all. Every command also gets the class-data archive built for this jar and
 * this JVM, when there is one ({@link ClassArchive}).
 */
public final class JvmOptions {
    static final String ENVIRONMENT = "TRIBUTARY_JVM_OPTIONS";
    static final String PROPERTY = "jvm.options";
    /**
     * A node's live data is a few tens of MB: 96 MB of heap leaves room for bursts, and on a heap this small
     * the serial collector's pauses are a few milliseconds, without the concurrent threads and remembered sets
     * of the default collector. Metaspace and the code cache are capped so that neither grows without bound.
     * Public for the benchmarks' floor server, which runs with these.
     */
    public static final List<String> BASE_DEFAULTS = List.of("-Xmx96m", "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=40m");
    /**
     * Defaults only recent JVMs have (JDK 17.0.12, 21.0.4 and later), added where the JVM has them. Both keep
     * native memory (outside the heap) from piling up under load; neither changed benchmark 1's rate.
     * <ul>
     * <li>Derby hashes a locked object of its own for every table and index a transaction opens, and the JVM
     * gives each such object a monitor (about 200 bytes of native memory). It deflates unused monitors only
     * when there are about a thousand per thread, or after a minute: under benchmark 1 that was 100,000
     * monitors, 20 MB. Deflating them every second keeps a few thousand.</li>
     * <li>glibc keeps the native memory the JVM frees (the compilers' work areas, deflated monitors) for
     * later; trimming its heap every second gives it back to the system.</li>
     * </ul>
     */
    static final List<WhereAvailable> DEFAULTS_WHERE_AVAILABLE = List.of(
            new WhereAvailable("GuaranteedAsyncDeflationInterval",
                    List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:GuaranteedAsyncDeflationInterval=1000")),
            new WhereAvailable("TrimNativeHeapInterval", List.of("-XX:TrimNativeHeapInterval=1000")));
    /** Set in the environment of a JVM started with these options, so that it never relaunches. */
    static final String APPLIED = "TRIBUTARY_JVM_OPTIONS_APPLIED";
    private static final String DEFAULT_DATA_DIR = "./tributary-data";

    private JvmOptions() {
    }

    /**
     * Prints the options for the command line in {@code args}, one a line, for the start script. The jar is
     * this JVM's class path, which the script sets to the jar's real path.
     */
    public static void main(String[] args) {
        Path jar = Path.of(System.getProperty("java.class.path"));
        for (String option : forCommand(args, System.getenv(), jar, TargetJvm.current())) {
            System.out.println(option);
        }
    }

    /** Options that are added only where the JVM has the option {@code name}. */
    record WhereAvailable(String name, List<String> options) {
    }

    /** {@link #BASE_DEFAULTS}, then those of {@link #DEFAULTS_WHERE_AVAILABLE} the JVM has. */
    static List<String> defaults(TargetJvm jvm) {
        List<String> options = new ArrayList<>(BASE_DEFAULTS);
        for (WhereAvailable candidate : DEFAULTS_WHERE_AVAILABLE) {
            if (jvm.hasOption().test(candidate.name())) {
                options.addAll(candidate.options());
            }
        }
        return List.copyOf(options);
    }

    /**
     * Prepares the environment of a JVM started with these options: marks it so ({@link #APPLIED}), and
     * gives it at most two malloc arenas unless told otherwise. glibc gives every thread that mallocs its own
     * 64 MB arena: with a hundred server threads that, not the heap, dominates resident memory; two arenas are
     * plenty for a JVM. The start script does the same.
     */
    static void applyTo(Map<String, String> environment) {
        environment.put(APPLIED, "1");
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
    }

    /** The class-data archive (when usable) first, then the tuning, so that a configured option can undo it. */
    static List<String> forCommand(String[] args, Map<String, String> environment, Path jar, TargetJvm jvm) {
        List<String> options = new ArrayList<>();
        ClassArchive.option(jar, jvm.version()).ifPresent(options::add);
        options.addAll(tuning(args, environment, jvm));
        return options;
    }

    /** The memory settings of a long-running command; empty for the others, or when configured empty. */
    static List<String> tuning(String[] args, Map<String, String> environment, TargetJvm jvm) {
        if (!isLongRunning(args)) {
            return List.of();
        }
        String configured = environment.get(ENVIRONMENT);
        if (configured == null && args[0].equals("serve")) {
            configured = fromConfigFile(dataDir(args, environment)).orElse(null);
        }
        return configured == null ? defaults(jvm) : split(configured);
    }

    static boolean isLongRunning(String[] args) {
        return args.length > 0 && (args[0].equals("serve") || args[0].equals("demo"));
    }

    private static List<String> split(String options) {
        String trimmed = options.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    /** The {@code --data} directory as {@link DataDirOption} would resolve it. */
    static Path dataDir(String[] args, Map<String, String> environment) {
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--data") || arg.equals("-d")) && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (arg.startsWith("--data=")) {
                return Path.of(arg.substring("--data=".length()));
            }
        }
        return Path.of(environment.getOrDefault("TRIBUTARY_DATA", DEFAULT_DATA_DIR));
    }

    private static Optional<String> fromConfigFile(Path dataDir) {
        Path file = dataDir.resolve(NodeConfig.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty(); // the command itself will report the missing configuration
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(properties.getProperty(PROPERTY));
    }
}
