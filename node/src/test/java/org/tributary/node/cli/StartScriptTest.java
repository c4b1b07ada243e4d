package org.tributary.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start script ({@code src/main/sh/tributary}, shipped as {@code target/tributary}) run by {@code /bin/sh}
 * against a stand-in {@code java} that records how it was called: asked for the options by the first call,
 * it answers as {@link JvmOptions} would.
 */
class StartScriptTest {
    private static final Path SCRIPT = Path.of("src/main/sh/tributary");
    private static final String FAKE_JAVA = """
            #!/bin/sh
            for argument in "$@"; do
                if [ "$argument" = org.tributary.node.cli.JvmOptions ]; then
                    printf '%s\\n' "$@" > "$RECORD/query.args"
                    env > "$RECORD/query.env"
                    [ -n "${FAIL_QUERY:-}" ] && exit "$FAIL_QUERY"
                    printf '%s\\n' '-XX:SharedArchiveFile=/archive dir/node.jsa' -Xmx96m
                    exit 0
                fi
            done
            printf '%s\\n' "$@" > "$RECORD/node.args"
            env > "$RECORD/node.env"
            """;

    @TempDir
    Path dir;
    private Path script;
    private Path jar;
    private Path record;

    @BeforeEach
    void install() throws IOException {
        Path dist = Files.createDirectories(dir.resolve("dist"));
        script = Files.copy(SCRIPT, dist.resolve("tributary"));
        jar = Files.writeString(dist.resolve("tributary-node.jar"), "");
        Path java = Files.writeString(Files.createDirectories(dir.resolve("jdk/bin")).resolve("java"), FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        record = Files.createDirectories(dir.resolve("record"));
    }

    @Test
    void theNodeJvmGetsTheResolvedOptionsThenTheJOptionsThenTheJarAndTheCommandUnchanged() throws Exception {
        int exit = run(Map.of(), "-J-XX:StartFlightRecording=filename=node.jfr", "-J-Dnote=two words *",
                "serve", "--data", "/data dir/*");

        assertEquals(0, exit);
        assertEquals(List.of("-XX:SharedArchiveFile=/archive dir/node.jsa", "-Xmx96m",
                "-XX:StartFlightRecording=filename=node.jfr", "-Dnote=two words *",
                "-jar", jar.toRealPath().toString(), "serve", "--data", "/data dir/*"), lines("node.args"));
        List<String> query = lines("query.args");
        assertEquals(List.of("-cp", jar.toRealPath().toString(), JvmOptions.class.getName(), "serve", "--data",
                "/data dir/*"), query.subList(query.indexOf("-cp"), query.size()), "asked with the command, not -J");
        assertTrue(query.contains("-XX:+UnlockDiagnosticVMOptions"), "the query sees every option java has: " + query);
    }

    @Test
    void theNodeJvmIsMarkedAndGetsTwoMallocArenasAndOnlyItSeesTheCallersJavaOptions() throws Exception {
        run(Map.of("JDK_JAVA_OPTIONS", "-Dfrom=caller"), "serve");

        List<String> node = lines("node.env");
        assertTrue(node.contains(JvmOptions.APPLIED + "=1"), node.toString());
        assertTrue(node.contains("MALLOC_ARENA_MAX=2"), node.toString());
        assertTrue(node.contains("JDK_JAVA_OPTIONS=-Dfrom=caller"), node.toString());
        assertFalse(lines("query.env").stream().anyMatch(line -> line.startsWith("JDK_JAVA_OPTIONS=")));

        run(Map.of("MALLOC_ARENA_MAX", "8"), "serve");
        assertTrue(lines("node.env").contains("MALLOC_ARENA_MAX=8"));
    }

    @Test
    void whenTheOptionsCannotBeResolvedNoNodeStarts() throws Exception {
        assertEquals(3, run(Map.of("FAIL_QUERY", "3"), "serve"));

        assertFalse(Files.exists(record.resolve("node.args")));
    }

    private int run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TRIBUTARY_") || name.startsWith("MALLOC_")
                || name.endsWith("JAVA_OPTIONS"));
        builder.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        builder.environment().put("RECORD", record.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script did not finish");
        return process.exitValue();
    }

    private List<String> lines(String name) throws IOException {
        return Files.readAllLines(record.resolve(name));
    }
}
