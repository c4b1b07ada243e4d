package org.tributary.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A node running as its own JVM, started as users start it: {@code tributary serve} (the start script next
 * to the node's jar, which runs the node's JVM with its default options and its class-data archive), so its
 * memory and start-up are what users get. The bench's own JDK runs it ({@code JAVA_HOME}), with the extra
 * JVM options of {@code --node-jvm-arg} after the node's. Start-to-serving is measured from just before
 * the process is spawned until {@code /.well-known/nodeinfo} answers 200.
 */
public final class NodeProcess implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final URI baseUrl;
    private final long startToServingNanos;
    private final ProcessMemory memory;

    private NodeProcess(Process process, URI baseUrl, long startToServingNanos) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.startToServingNanos = startToServingNanos;
        this.memory = new ProcessMemory(process.pid());
    }

    public static NodeProcess start(BenchContext context, NodeDataDir data) {
        List<String> command = new ArrayList<>();
        command.add(context.nodeScript().toString());
        context.nodeJvmArgs().forEach(option -> command.add("-J" + option));
        command.addAll(List.of("serve", "--data", data.directory().toString()));
        Path log = data.directory().resolve("node.log");
        HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest nodeInfo = HttpRequest.newBuilder(data.baseUrl().resolve("/.well-known/nodeinfo"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long started = System.nanoTime();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // Default settings: the node's configuration is its data directory, not this shell's TRIBUTARY_*.
            builder.environment().keySet().removeIf(name -> name.startsWith("TRIBUTARY_"));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
        while (true) {
            try {
                if (probe.send(nodeInfo, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    long elapsed = System.nanoTime() - started;
                    context.observations().recordStart(elapsed,
                            mapsClassArchive(process.pid(), context.nodeScript()));
                    return new NodeProcess(process, data.baseUrl(), elapsed);
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting a node", e);
            }
            if (!process.isAlive() || System.nanoTime() - started > START_LIMIT.toNanos()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("the node did not start serving; see " + log);
            }
            sleep(5);
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public long pid() {
        return process.pid();
    }

    public double startToServingMillis() {
        return startToServingNanos / 1e6;
    }

    public ProcessMemory memory() {
        return memory;
    }

    /**
     * The CPU time (user + system) the node has used so far, over its process and any children. Unlike a
     * rate, this hardly depends on how many other processes share the cores.
     */
    public Duration cpuTime() {
        Duration total = process.info().totalCpuDuration().orElse(Duration.ZERO);
        for (ProcessHandle child : process.descendants().toList()) {
            total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }

    /** Stops the node with SIGTERM (its shutdown hook closes Derby cleanly), killing it if it hangs. */
    @Override
    public void close() {
        memory.close();
        List<ProcessHandle> descendants = process.descendants().toList(); // none unless the node relaunched
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            descendants.forEach(ProcessHandle::destroyForcibly); // gone already unless the launcher hung
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the JVM maps a class-data archive from the node's directory (the start script offers it only
     * when it was made by this JDK for this jar; the JVM may still refuse it): seen in {@code /proc/<pid>/maps}.
     */
    static boolean mapsClassArchive(long pid, Path nodeScript) {
        try {
            String nodeDirectory = nodeScript.toRealPath().getParent().toString();
            try (Stream<String> maps = Files.lines(Path.of("/proc", Long.toString(pid), "maps"))) {
                return maps.anyMatch(line -> line.endsWith(".jsa") && line.contains(nodeDirectory));
            }
        } catch (IOException | UncheckedIOException notLinuxOrGone) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
