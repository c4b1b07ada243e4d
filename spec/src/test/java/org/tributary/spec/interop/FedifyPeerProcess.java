package org.tributary.spec.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running {@code node server.mjs} process. The peer is started on port 0 and reports the port
 * it got in its {@code READY <port>} line, so two peers can never race for the same port. Its
 * output (Fedify's log on stderr included) is copied to {@code fedify-peer-<port>.log}.
 */
final class FedifyPeerProcess {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final String READY_PREFIX = "READY ";

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook;

    private FedifyPeerProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        // Per instance, so a test JVM that dies without closing its peers still leaves no node behind.
        this.shutdownHook = new Thread(this::kill, "fedify-peer-" + port + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the peer and waits until it has printed its READY line. */
    static FedifyPeerProcess start(Path nodeBinary, Path peerDirectory, Path logDirectory) {
        Process process;
        try {
            Files.createDirectories(logDirectory);
            process = new ProcessBuilder(nodeBinary.toString(), "server.mjs", "0")
                    .directory(peerDirectory.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new FedifyPeerException("could not start " + nodeBinary + " server.mjs", e);
        }
        OutputCopier copier = new OutputCopier(process, logDirectory);
        Thread copyThread = new Thread(copier, "fedify-peer-output-" + process.pid());
        copyThread.setDaemon(true);
        copyThread.start();
        int port;
        try {
            port = copier.ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            killTree(process);
            throw new FedifyPeerException("the Fedify peer did not become ready within " + READY_TIMEOUT
                    + "; its output:\n" + copier.earlyOutput(), e);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new FedifyPeerException("interrupted while starting the Fedify peer", e);
        }
        return new FedifyPeerProcess(process, port, logDirectory.resolve(logName(port)));
    }

    static String logName(int port) {
        return "fedify-peer-" + port + ".log";
    }

    int port() {
        return port;
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process and anything it started; safe to call more than once. */
    void stop() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; it does the same thing.
        }
    }

    private void kill() {
        killTree(process);
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Copies the peer's output to its log file. Lines before READY are held in memory, because the
     * log is named after the port and the port is only known from the READY line.
     */
    private static final class OutputCopier implements Runnable {
        private final Process process;
        private final Path logDirectory;
        private final List<String> beforeReady = new ArrayList<>();
        final CompletableFuture<Integer> ready = new CompletableFuture<>();

        OutputCopier(Process process, Path logDirectory) {
            this.process = process;
            this.logDirectory = logDirectory;
        }

        synchronized String earlyOutput() {
            return String.join("\n", beforeReady);
        }

        @Override
        public void run() {
            Writer log = null;
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (log != null) {
                        log.write(line + "\n");
                        log.flush();
                        continue;
                    }
                    synchronized (this) {
                        beforeReady.add(line);
                    }
                    if (line.startsWith(READY_PREFIX)) {
                        int port = Integer.parseInt(line.substring(READY_PREFIX.length()).trim());
                        log = Files.newBufferedWriter(logDirectory.resolve(logName(port)), StandardCharsets.UTF_8);
                        log.write(earlyOutput() + "\n");
                        log.flush();
                        ready.complete(port);
                    }
                }
                ready.completeExceptionally(new IOException("the peer exited with code " + process.waitFor()));
            } catch (IOException | RuntimeException e) {
                ready.completeExceptionally(e);
            } catch (InterruptedException e) {
                ready.completeExceptionally(e);
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(log);
            }
        }

        private static void closeQuietly(Writer log) {
            if (log == null) {
                return;
            }
            try {
                log.close();
            } catch (IOException ignored) {
                // The log is best effort; the test outcome does not depend on it.
            }
        }
    }
}
