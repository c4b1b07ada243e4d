package org.tributary.spec.interop;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure {@code npm ci} has been run in the peer's directory, running it once if
 * {@code node_modules} is missing. The Node 22 binary the peer needs comes from that install.
 */
final class FedifyPeerInstaller {
    /** A cold install downloads about 45 packages; CI machines can be slow. */
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    /** Serializes installs of peers started by threads of this JVM; the file lock covers other JVMs. */
    private static final Object INSTALL_LOCK = new Object();

    private static final List<String> NPM_CI = List.of("npm", "ci", "--no-audit", "--no-fund");

    private final Path peerDirectory;
    private final Path logDirectory;
    private final List<String> installCommand;

    FedifyPeerInstaller(Path peerDirectory, Path logDirectory) {
        this(peerDirectory, logDirectory, NPM_CI);
    }

    /** With another install command, so tests can show how a missing or failing npm is reported. */
    FedifyPeerInstaller(Path peerDirectory, Path logDirectory, List<String> installCommand) {
        this.peerDirectory = peerDirectory;
        this.logDirectory = logDirectory;
        this.installCommand = List.copyOf(installCommand);
    }

    /** The Node binary installed by the peer's own dependencies. */
    Path nodeBinary() {
        return peerDirectory.resolve("node_modules").resolve(".bin").resolve("node");
    }

    /** Installs the peer's dependencies unless they are already there. */
    void ensureInstalled() {
        if (!Files.isRegularFile(peerDirectory.resolve("package-lock.json"))) {
            throw new FedifyPeerException("no Fedify peer project at " + peerDirectory);
        }
        synchronized (INSTALL_LOCK) {
            try {
                Files.createDirectories(logDirectory);
                try (FileChannel channel = FileChannel.open(logDirectory.resolve("fedify-peer-npm.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    if (!Files.isExecutable(nodeBinary())) {
                        runNpmCi();
                    }
                }
            } catch (IOException e) {
                throw new FedifyPeerException("could not prepare the Fedify peer in " + peerDirectory, e);
            }
        }
        if (!Files.isExecutable(nodeBinary())) {
            throw new FedifyPeerException("npm ci finished but " + nodeBinary() + " is missing");
        }
    }

    private void runNpmCi() throws IOException {
        Path log = logDirectory.resolve("fedify-peer-npm.log");
        Process npm;
        try {
            npm = new ProcessBuilder(installCommand)
                    .directory(peerDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new FedifyPeerException("npm is not available (" + e.getMessage() + "); install Node.js with npm,"
                    + " or run `npm ci --prefix spec/interop/fedify-peer` before the interop tests", e);
        }
        try {
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                npm.descendants().forEach(ProcessHandle::destroyForcibly);
                npm.destroyForcibly();
                throw new FedifyPeerException("npm ci in " + peerDirectory + " took longer than " + INSTALL_TIMEOUT
                        + "; see " + log);
            }
        } catch (InterruptedException e) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FedifyPeerException("interrupted while running npm ci", e);
        }
        if (npm.exitValue() != 0) {
            throw new FedifyPeerException("npm ci in " + peerDirectory + " failed with exit code " + npm.exitValue()
                    + "; see " + log + ":\n" + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        // npm output is not guaranteed to be valid UTF-8; decoding leniently keeps the real error visible.
        List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
