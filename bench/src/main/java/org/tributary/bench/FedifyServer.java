package org.tributary.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The interop suite's Fedify peer ({@code spec/interop/fedify-peer}, see its README) started as an
 * independent ActivityPub server for the comparison in benchmark 1: {@code npm ci} when its
 * dependencies are missing, then {@code node server.mjs 0}, ready when it prints {@code READY <port>}.
 * Its log level is {@code error}, so it does not spend the run writing per-request logs.
 */
public final class FedifyServer implements AutoCloseable {
    private final Process process;
    private final URI baseUri;

    private FedifyServer(Process process, int port) {
        this.process = process;
        this.baseUri = URI.create("http://127.0.0.1:" + port);
    }

    public static FedifyServer start(BenchContext context) {
        Path directory = context.repositoryRoot().resolve("spec/interop/fedify-peer");
        Path node = directory.resolve("node_modules/.bin/node");
        Path log = context.workDirectory().resolve("fedify.log");
        try {
            if (!Files.isExecutable(node)) {
                context.progress("Fedify: npm ci in " + directory);
                Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(directory.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isExecutable(node)) {
                    npm.destroyForcibly();
                    throw new IllegalStateException("npm ci failed; see " + log);
                }
            }
            ProcessBuilder builder = new ProcessBuilder(node.toString(), "server.mjs", "0")
                    .directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().put("FEDIFY_LOG_LEVEL", "error");
            Process process = builder.start();
            CompletableFuture<Integer> ready = new CompletableFuture<>();
            Thread copier = new Thread(() -> copyOutput(process, log, ready), "fedify-output");
            copier.setDaemon(true);
            copier.start();
            try {
                return new FedifyServer(process, ready.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("the Fedify server did not start; see " + log, e);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the Fedify server (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    public long pid() {
        return process.pid();
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<Integer> ready) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.write(line + "\n");
                out.flush();
                if (line.startsWith("READY ")) {
                    ready.complete(Integer.parseInt(line.substring("READY ".length()).strip()));
                }
            }
            ready.completeExceptionally(new IOException("the Fedify server exited"));
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
    }

    /** The CPU time (user + system) the server's Node.js process has used so far. */
    Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
