package org.tributary.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.tributary.node.cli.JvmOptions;

/**
 * A {@link FloorServer} in a process of its own, so that its CPU time compares with a node's: the node's base
 * JVM options ({@link JvmOptions#BASE_DEFAULTS}: heap, collector, metaspace and code cache), and the first
 * compiler only ({@code -XX:TieredStopAtLevel=1}). With tiered compilation, about half the starts of the
 * {@code http} floor left Jetty's header parser in its profiling tier for the whole run, the optimizing compiler
 * starved by the load on both cores: 0.2-0.27 ms of CPU per request instead of 0.04-0.06 (benchmark 1's first
 * floor run measured 7,996/s that way). With the first compiler only, four starts in a row gave 0.040-0.043 ms.
 * A floor is the best the parts allow, so it is measured the way that gives it reliably.
 */
final class FloorProcess implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final Process process;

    private FloorProcess(Process process) {
        this.process = process;
    }

    static FloorProcess start(FloorServer.Level level, int port, Path directory) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmOptions.BASE_DEFAULTS);
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(List.of("-cp", absoluteClassPath(), FloorServer.class.getName(), level.argument,
                Integer.toString(port), directory.toString()));
        Path log = directory.resolve("floor.log");
        Process process;
        try {
            Files.createDirectories(directory);
            // Run in its directory, so that Derby's own log file lands there too.
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the floor server: " + command, e);
        }
        boolean started = false;
        try {
            long since = System.nanoTime();
            // Its own line, not just an open port: a server left on the port by an earlier run also accepts.
            while (!(process.isAlive() && says(log, FloorServer.LISTENING) && accepts(port))) {
                if (!process.isAlive() || System.nanoTime() - since > START_LIMIT.toNanos()) {
                    throw new IllegalStateException("the floor server did not start listening; see " + log);
                }
                NodeProcess.sleep(5);
            }
            started = true;
            return new FloorProcess(process);
        } finally {
            if (!started) {
                stop(process);
            }
        }
    }

    /** This JVM's class path with each entry made absolute: the server runs in another directory. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean says(Path log, String line) {
        try {
            return Files.readString(log).contains(line);
        } catch (IOException notYet) {
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The CPU time (user + system) the server has used so far. */
    Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Stops the server (its data is thrown away with the run's directory). */
    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
