package org.tributary.node.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.tributary.node.config.NodeConfig;

/**
 * Gives the long-running commands ({@code serve}, {@code demo}) memory settings of their own. A JVM
 * started without a heap limit sizes its heap from the machine (a quarter of RAM) and grows into it
 * under load: measured, a node took 1.4 GB resident on a 24 GB machine while its live data was a few
 * tens of MB. Java cannot change its own heap limit, so such a start relaunches itself once, as a child
 * JVM with {@link #DEFAULT_OPTIONS} (or the configured ones), inheriting standard streams and passing
 * back the exit code; the parent forwards SIGTERM/SIGINT by stopping the child in its shutdown hook.
 *
 * <p>Nothing is relaunched when the JVM already has an explicit heap limit ({@code -Xmx},
 * {@code -XX:MaxRAMPercentage}, ...), when this is already the relaunched child, or when the options are
 * configured empty. Options come from {@value #ENVIRONMENT} first, then {@value #PROPERTY} in the data
 * directory's {@code tributary.properties}, else the defaults.
 */
final class JvmRelaunch {
    static final String ENVIRONMENT = "TRIBUTARY_JVM_OPTIONS";
    static final String PROPERTY = "jvm.options";
    /** Set in the child's environment so that it never relaunches again. */
    static final String MARKER = "TRIBUTARY_RELAUNCHED";
    static final List<String> DEFAULT_OPTIONS = List.of("-Xmx96m", "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=40m");
    private static final List<String> HEAP_LIMITS = List.of("-Xmx", "-XX:MaxHeapSize", "-XX:MaxRAM",
            "-XX:MaxRAMPercentage", "-XX:MaxRAMFraction");
    private static final String DEFAULT_DATA_DIR = "./tributary-data";

    private JvmRelaunch() {
    }

    /**
     * The command that relaunches this process, or empty when it should run the command itself.
     *
     * @param jvmArguments this JVM's own options ({@code RuntimeMXBean.getInputArguments()}), kept after
     *                     ours so that a caller's options win
     */
    static Optional<List<String>> command(String[] args, List<String> jvmArguments, Map<String, String> environment,
            Path javaHome, String classPath) {
        if (args.length == 0 || !(args[0].equals("serve") || args[0].equals("demo"))
                || environment.containsKey(MARKER) || hasHeapLimit(jvmArguments)) {
            return Optional.empty();
        }
        List<String> options = options(args, environment);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(options);
        command.addAll(jvmArguments);
        command.addAll(List.of("-cp", classPath, TributaryCommand.class.getName()));
        command.addAll(Arrays.asList(args));
        return Optional.of(command);
    }

    /** Runs the relaunched node to its end and returns its exit code. */
    static int run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(MARKER, "1");
        // glibc gives every thread that mallocs its own 64 MB arena: with a hundred server threads that,
        // not the heap, dominates resident memory. Two arenas are plenty for a JVM.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        Process child = builder.start();
        // SIGTERM/SIGINT end this JVM through its shutdown hooks: stop the node the same way and wait, so
        // it closes its store cleanly before the parent is gone.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "tributary-relaunch-stop"));
        return child.waitFor();
    }

    static boolean hasHeapLimit(List<String> jvmArguments) {
        return jvmArguments.stream().anyMatch(argument -> HEAP_LIMITS.stream().anyMatch(argument::startsWith));
    }

    private static List<String> options(String[] args, Map<String, String> environment) {
        String configured = environment.get(ENVIRONMENT);
        if (configured == null && args[0].equals("serve")) {
            configured = fromConfigFile(dataDir(args, environment)).orElse(null);
        }
        return configured == null ? DEFAULT_OPTIONS : split(configured);
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
