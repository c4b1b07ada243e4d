package org.tributary.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmRelaunchTest {
    private static final Path JAVA_HOME = Path.of("/opt/jdk");

    private static Optional<List<String>> command(List<String> jvmArgs, Map<String, String> env, String... args) {
        return JvmRelaunch.command(args, jvmArgs, env, JAVA_HOME, "node.jar");
    }

    @Test
    void serveWithoutAHeapLimitRelaunchesWithTheDefaultsAndKeepsTheCallersOptionsAndArguments() {
        List<String> command = command(List.of("-XX:StartFlightRecording=filename=x.jfr"), Map.of(),
                "serve", "--data", "/nowhere").orElseThrow();

        assertEquals(JAVA_HOME.resolve("bin/java").toString(), command.get(0));
        assertEquals(JvmRelaunch.DEFAULT_OPTIONS, command.subList(1, 1 + JvmRelaunch.DEFAULT_OPTIONS.size()));
        assertEquals(List.of("-XX:StartFlightRecording=filename=x.jfr", "-cp", "node.jar",
                TributaryCommand.class.getName(), "serve", "--data", "/nowhere"),
                command.subList(1 + JvmRelaunch.DEFAULT_OPTIONS.size(), command.size()));
    }

    @Test
    void anExplicitHeapLimitTheRelaunchedChildAndShortCommandsRunAsTheyAre() {
        assertTrue(command(List.of("-Xmx1g"), Map.of(), "serve").isEmpty());
        assertTrue(command(List.of("-XX:MaxRAMPercentage=10"), Map.of(), "demo").isEmpty());
        assertTrue(command(List.of(), Map.of(JvmRelaunch.MARKER, "1"), "serve").isEmpty());
        assertTrue(command(List.of(), Map.of(), "user", "add", "alice").isEmpty());
        assertTrue(command(List.of(), Map.of()).isEmpty());
    }

    @Test
    void theEnvironmentOverridesTheConfigFileAndAnEmptyValueTurnsTheRelaunchOff(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("tributary.properties"), "port=8080\njvm.options=-Xmx300m -XX:+UseG1GC\n");

        assertEquals(List.of("-Xmx300m", "-XX:+UseG1GC"),
                command(List.of(), Map.of(), "serve", "--data=" + data).orElseThrow().subList(1, 3));
        assertEquals(List.of("-Xmx64m", "-cp"),
                command(List.of(), Map.of(JvmRelaunch.ENVIRONMENT, " -Xmx64m "), "serve", "-d", data.toString())
                        .orElseThrow().subList(1, 3));
        assertTrue(command(List.of(), Map.of(JvmRelaunch.ENVIRONMENT, ""), "serve", "-d", data.toString()).isEmpty());
    }

    @Test
    void theDataDirectoryIsFoundAsTheCommandsWouldFindIt() {
        assertEquals(Path.of("/a"), JvmRelaunch.dataDir(new String[] {"serve", "--data", "/a"}, Map.of()));
        assertEquals(Path.of("/b"), JvmRelaunch.dataDir(new String[] {"serve"}, Map.of("TRIBUTARY_DATA", "/b")));
        assertEquals(Path.of("./tributary-data"), JvmRelaunch.dataDir(new String[] {"serve"}, Map.of()));
    }
}
