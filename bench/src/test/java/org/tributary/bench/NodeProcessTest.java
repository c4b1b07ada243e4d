package org.tributary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark's node is started as users start one: by the start script the build puts next to the node's
 * jar, as one JVM (no launcher left beside it) with the node's default options, the class-data archive the
 * build trained, and the bench's extra options last. Needs the packaged node, which the reactor builds
 * before this module's tests.
 */
class NodeProcessTest {

    @Test
    void theStartScriptRunsOneJvmWithTheDefaultsTheClassArchiveAndTheExtraOptions(@TempDir Path work)
            throws Exception {
        Path repository = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        Path script = repository.resolve("node/target/tributary");
        assertTrue(Files.isExecutable(script), "build the node first (mvn package): no " + script);
        BenchContext context = new BenchContext(true, script, repository, work, List.of("-Dbench.extra=1"), false,
                new Observations(), new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        NodeDataDir data = NodeDataDir.init(work.resolve("node"), "bench", BenchContext.freePort());

        try (NodeProcess node = NodeProcess.start(context, data)) {
            List<String> commandLine = Arrays.asList(Files.readString(Path.of("/proc", Long.toString(node.pid()),
                    "cmdline")).split("\0"));
            assertTrue(commandLine.get(0).endsWith("/java"), commandLine.toString());
            assertTrue(commandLine.stream().anyMatch(option -> option.startsWith("-Xmx")), "the default heap limit: "
                    + commandLine);
            assertEquals("-Dbench.extra=1", commandLine.get(commandLine.indexOf("-jar") - 1), commandLine.toString());
            assertEquals(0, ProcessHandle.of(node.pid()).orElseThrow().descendants().count(), "no relaunched child");
            assertEquals(1, context.observations().startsWithClassArchive(),
                    "the node's JVM did not map the class-data archive the build should have made next to the jar");
        }
    }
}
