package org.tributary.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What every benchmark gets: the mode, where the node's start script (the {@code tributary} the build puts
 * next to the node's jar) and the repository are, a scratch directory, extra JVM options for the node
 * processes (e.g. to profile them), what is shared between benchmarks, and a log for progress messages.
 */
public record BenchContext(boolean quick, Path nodeScript, Path repositoryRoot, Path workDirectory,
        List<String> nodeJvmArgs, boolean fedify, Observations observations, PrintStream log) {

    /** A fresh directory under the scratch directory. */
    public Path newDirectory(String name) {
        try {
            return Files.createTempDirectory(workDirectory, name + "-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a directory in " + workDirectory, e);
        }
    }

    /** Picks {@code quick} in smoke mode, {@code full} otherwise. */
    public int count(int quickCount, int fullCount) {
        return quick ? quickCount : fullCount;
    }

    public void progress(String message) {
        log.println("[bench] " + message);
        log.flush();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
