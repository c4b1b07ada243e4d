package org.tributary.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tributary.node.cli.JvmOptions;

/**
 * A {@link FloorServer} in a process of its own, with the node's default JVM settings, so that its CPU time
 * compares with a node's, but for one: it runs with the first compiler only ({@code -XX:TieredStopAtLevel=1}).
 * With tiered compilation, about half the starts of the {@code http} floor left Jetty's header parser in its
 * profiling tier for the whole run, the optimizing compiler starved by the load on both cores: 0.2-0.27 ms of
 * CPU per request instead of 0.04-0.06 (benchmark 1's first floor run measured 7,996/s that way). With the first
 * compiler only, four starts in a row gave 0.040-0.043 ms. A floor is the best the parts allow, so it is
 * measured the way that gives it reliably.
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
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FloorServer.class.getName(),
                level.argument, Integer.toString(port), directory.toString()));
        Path log = directory.resolve("floor.log");
        Process process;
        try {
            Files.createDirectories(directory);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the floor server: " + command, e);
        }
        long started = System.nanoTime();
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() - started > START_LIMIT.toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("the floor server did not start listening; see " + log);
            }
            NodeProcess.sleep(5);
        }
        return new FloorProcess(process);
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
