package org.tributary.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmOptionsTest {
    private static final String JVM = "17.0.15+6";

    @Test
    void longRunningCommandsGetTheDefaultsAndTheOthersNoTuning() {
        assertEquals(JvmOptions.DEFAULTS, JvmOptions.tuning(new String[] {"serve", "--data", "/nowhere"}, Map.of()));
        assertEquals(JvmOptions.DEFAULTS, JvmOptions.tuning(new String[] {"demo", "--fresh"}, Map.of()));
        assertEquals(List.of(), JvmOptions.tuning(new String[] {"user", "add", "alice"}, Map.of()));
        assertEquals(List.of(), JvmOptions.tuning(new String[] {}, Map.of()));
    }

    @Test
    void theEnvironmentComesFirstThenTheConfigFileAndAnEmptyValueMeansNone(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("tributary.properties"), "port=8080\njvm.options=-Xmx300m -XX:+UseG1GC\n");

        assertEquals(List.of("-Xmx300m", "-XX:+UseG1GC"),
                JvmOptions.tuning(new String[] {"serve", "--data=" + data}, Map.of()));
        assertEquals(List.of("-Xmx64m"), JvmOptions.tuning(new String[] {"serve", "-d", data.toString()},
                Map.of(JvmOptions.ENVIRONMENT, " -Xmx64m ")));
        assertEquals(List.of(), JvmOptions.tuning(new String[] {"serve", "-d", data.toString()},
                Map.of(JvmOptions.ENVIRONMENT, "")));
        // The demo keeps no configuration file of its own to read.
        assertEquals(JvmOptions.DEFAULTS, JvmOptions.tuning(new String[] {"demo", "--data", data.toString()},
                Map.of()));
    }

    @Test
    void theDataDirectoryIsFoundAsTheCommandsWouldFindIt() {
        assertEquals(Path.of("/a"), JvmOptions.dataDir(new String[] {"serve", "--data", "/a"}, Map.of()));
        assertEquals(Path.of("/b"), JvmOptions.dataDir(new String[] {"serve"}, Map.of("TRIBUTARY_DATA", "/b")));
        assertEquals(Path.of("./tributary-data"), JvmOptions.dataDir(new String[] {"serve"}, Map.of()));
    }

    @Test
    void theClassArchiveComesBeforeTheTuningSoThatConfiguredOptionsCanTurnItOff(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("tributary-node.jar"), "");
        Files.writeString(ClassArchive.path(jar, JVM), "");
        String archive = "-XX:SharedArchiveFile=" + ClassArchive.path(jar, JVM);

        assertEquals(List.of(archive, "-Xshare:off"), JvmOptions.forCommand(new String[] {"serve"},
                Map.of(JvmOptions.ENVIRONMENT, "-Xshare:off"), jar, JVM));
        assertEquals(List.of(archive), JvmOptions.forCommand(new String[] {"init"}, Map.of(), jar, JVM));
        assertEquals(JvmOptions.DEFAULTS, JvmOptions.forCommand(new String[] {"demo"}, Map.of(), jar, "21.0.2"));
    }

    @Test
    void aJvmStartedWithTheOptionsIsMarkedAndKeepsAnArenaLimitItWasGiven() {
        Map<String, String> environment = new HashMap<>();
        JvmOptions.applyTo(environment);
        assertEquals(Map.of(JvmOptions.APPLIED, "1", "MALLOC_ARENA_MAX", "2"), environment);

        Map<String, String> tuned = new HashMap<>(Map.of("MALLOC_ARENA_MAX", "4"));
        JvmOptions.applyTo(tuned);
        assertEquals("4", tuned.get("MALLOC_ARENA_MAX"));
    }
}
