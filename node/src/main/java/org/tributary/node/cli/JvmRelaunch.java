package org.tributary.node.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The safety net for a node started with a bare {@code java -jar tributary-node.jar serve}: such a JVM has
 * none of the node's {@link JvmOptions} (no heap limit: it would size its heap from the machine), and Java
 * cannot change its own heap limit. So it relaunches itself once, as a child JVM with the options, inheriting
 * standard streams and passing back the exit code; the parent forwards SIGTERM/SIGINT by stopping the child
 * in its shutdown hook. The parent stays resident (about 50 MB) for as long as the node runs: the start
 * script ({@code tributary} next to the jar) starts the node's JVM with the options directly and avoids it.
 *
 * <p>The child's JVM is the same {@code java} as this one, so this JVM tells which options it has; it sees
 * diagnostic ones only when started with {@code -XX:+UnlockDiagnosticVMOptions}, so a bare {@code java -jar}
 * relaunches without the defaults that are diagnostic options ({@link JvmOptions#DEFAULTS_WHERE_AVAILABLE}).
 *
 * <p>Nothing is relaunched when the JVM already has an explicit heap limit ({@code -Xmx},
 * {@code -XX:MaxRAMPercentage}, ...): whoever set it manages the JVM's options; when the JVM was started with
 * the node's options already ({@value JvmOptions#APPLIED} in the environment: by the start script or by a relaunch); or
 * when the options are configured empty.
 */
final class JvmRelaunch {
    private static final List<String> HEAP_LIMITS = List.of("-Xmx", "-XX:MaxHeapSize", "-XX:MaxRAM",
            "-XX:MaxRAMPercentage", "-XX:MaxRAMFraction");

    private JvmRelaunch() {
    }

    /**
     * The command that relaunches this process, or empty when it should run the command itself.
     *
     * @param jvmArguments this JVM's own options ({@code RuntimeMXBean.getInputArguments()}), kept after
     *                     ours so that a caller's options win
     */
    static Optional<List<String>> command(String[] args, List<String> jvmArguments, Map<String, String> environment,
            Path javaHome, String classPath, TargetJvm jvm) {
        if (!JvmOptions.isLongRunning(args) || environment.containsKey(JvmOptions.APPLIED) || hasHeapLimit(jvmArguments)) {
            return Optional.empty();
        }
        List<String> tuning = JvmOptions.tuning(args, environment, jvm);
        if (tuning.isEmpty()) {
            return Optional.empty();
        }
        // The class-data archive names the jar by its real path: give the child that path, not the one typed.
        String jar = realPath(classPath);
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        ClassArchive.option(Path.of(jar), jvm.version()).ifPresent(command::add);
        command.addAll(tuning);
        command.addAll(jvmArguments);
        command.addAll(List.of("-cp", jar, TributaryCommand.class.getName()));
        command.addAll(Arrays.asList(args));
        return Optional.of(command);
    }

    /** Runs the relaunched node to its end and returns its exit code. */
    static int run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        JvmOptions.applyTo(builder.environment());
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

    /** A class path of one existing file (the jar) as its real path; anything else as it is. */
    private static String realPath(String classPath) {
        try {
            Path path = Path.of(classPath);
            return Files.isRegularFile(path) ? path.toRealPath().toString() : classPath;
        } catch (IOException | RuntimeException notOneFile) {
            return classPath;
        }
    }
}
