package org.tributary.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmRelaunchTest {
    private static final Path JAVA_HOME = Path.of("/opt/jdk");
    private static final TargetJvm JVM = new TargetJvm("17.0.15+6", option -> false);

    private static Optional<List<String>> command(List<String> jvmArgs, Map<String, String> env, String... args) {
        return JvmRelaunch.command(args, jvmArgs, env, JAVA_HOME, "node.jar", JVM);
    }

    @Test
    void serveWithoutAHeapLimitRelaunchesWithTheDefaultsAndKeepsTheCallersOptionsAndArguments() {
        List<String> command = command(List.of("-XX:StartFlightRecording=filename=x.jfr"), Map.of(),
                "serve", "--data", "/nowhere").orElseThrow();

        assertEquals(JAVA_HOME.resolve("bin/java").toString(), command.get(0));
        assertEquals(JvmOptions.BASE_DEFAULTS, command.subList(1, 1 + JvmOptions.BASE_DEFAULTS.size()));
        assertEquals(List.of("-XX:StartFlightRecording=filename=x.jfr", "-cp", "node.jar",
                TributaryCommand.class.getName(), "serve", "--data", "/nowhere"),
                command.subList(1 + JvmOptions.BASE_DEFAULTS.size(), command.size()));
    }

    @Test
    void anExplicitHeapLimitAJvmStartedWithTheOptionsAndShortCommandsRunAsTheyAre(@TempDir Path data)
            throws Exception {
        Files.writeString(data.resolve("tributary.properties"), "jvm.options=\n");

        assertTrue(command(List.of("-Xmx1g"), Map.of(), "serve").isEmpty());
        assertTrue(command(List.of("-XX:MaxRAMPercentage=10"), Map.of(), "demo").isEmpty());
        assertTrue(command(List.of(), Map.of(JvmOptions.APPLIED, "1"), "serve").isEmpty());
        assertTrue(command(List.of(), Map.of(), "user", "add", "alice").isEmpty());
        assertTrue(command(List.of(), Map.of()).isEmpty());
        assertTrue(command(List.of(), Map.of(), "serve", "--data", data.toString()).isEmpty(), "configured empty");
    }

    @Test
    void theRelaunchedJvmMapsTheClassArchiveAndNamesTheJarByItsRealPath(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(Files.createDirectories(dir.resolve("target")).resolve("tributary-node.jar"), "");
        Path archive = Files.writeString(ClassArchive.path(jar, JVM.version()), "");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(1)));
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("target"));

        List<String> command = JvmRelaunch.command(new String[] {"demo"}, List.of(), Map.of(), JAVA_HOME,
                dir.resolve("link/tributary-node.jar").toString(), JVM).orElseThrow();

        String realJar = jar.toRealPath().toString();
        assertEquals("-XX:SharedArchiveFile=" + ClassArchive.path(jar.toRealPath(), JVM.version()), command.get(1));
        assertEquals(JvmOptions.BASE_DEFAULTS, command.subList(2, 2 + JvmOptions.BASE_DEFAULTS.size()));
        assertEquals(List.of("-cp", realJar, TributaryCommand.class.getName(), "demo"),
                command.subList(2 + JvmOptions.BASE_DEFAULTS.size(), command.size()));
    }
}
