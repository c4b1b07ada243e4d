package org.tributary.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmOptionsTest {
    private static final TargetJvm JVM = new TargetJvm("17.0.15+6", option -> false);

    private static List<String> tuning(Map<String, String> environment, String... args) {
        return JvmOptions.tuning(args, environment, JVM);
    }

    @Test
    void longRunningCommandsGetTheDefaultsAndTheOthersNoTuning() {
        assertEquals(JvmOptions.BASE_DEFAULTS, tuning(Map.of(), "serve", "--data", "/nowhere"));
        assertEquals(JvmOptions.BASE_DEFAULTS, tuning(Map.of(), "demo", "--fresh"));
        assertEquals(List.of(), tuning(Map.of(), "user", "add", "alice"));
        assertEquals(List.of(), tuning(Map.of()));
    }

    @Test
    void theEnvironmentComesFirstThenTheConfigFileAndAnEmptyValueMeansNone(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("tributary.properties"), "port=8080\njvm.options=-Xmx300m -XX:+UseG1GC\n");

        assertEquals(List.of("-Xmx300m", "-XX:+UseG1GC"), tuning(Map.of(), "serve", "--data=" + data));
        assertEquals(List.of("-Xmx64m"), tuning(Map.of(JvmOptions.ENVIRONMENT, " -Xmx64m "), "serve", "-d",
                data.toString()));
        assertEquals(List.of(), tuning(Map.of(JvmOptions.ENVIRONMENT, ""), "serve", "-d", data.toString()));
        // The demo keeps no configuration file of its own to read.
        assertEquals(JvmOptions.BASE_DEFAULTS, tuning(Map.of(), "demo", "--data", data.toString()));
    }

    @Test
    void theDataDirectoryIsFoundAsTheCommandsWouldFindIt() {
        assertEquals(Path.of("/a"), JvmOptions.dataDir(new String[] {"serve", "--data", "/a"}, Map.of()));
        assertEquals(Path.of("/b"), JvmOptions.dataDir(new String[] {"serve"}, Map.of("TRIBUTARY_DATA", "/b")));
        assertEquals(Path.of("./tributary-data"), JvmOptions.dataDir(new String[] {"serve"}, Map.of()));
    }

    @Test
    void theDefaultsOnlyRecentJvmsHaveAreAddedWhereTheJvmHasThem() {
        TargetJvm recent = new TargetJvm("17.0.15", option -> true);
        TargetJvm trimOnly = new TargetJvm("17.0.15", option -> option.equals("TrimNativeHeapInterval"));

        assertEquals(List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=128m",
                "-XX:ReservedCodeCacheSize=40m", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:GuaranteedAsyncDeflationInterval=1000", "-XX:TrimNativeHeapInterval=1000"),
                JvmOptions.tuning(new String[] {"serve"}, Map.of(), recent));
        assertEquals(List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=128m",
                "-XX:ReservedCodeCacheSize=40m", "-XX:TrimNativeHeapInterval=1000"),
                JvmOptions.tuning(new String[] {"demo"}, Map.of(), trimOnly));
        assertEquals(List.of("-Xmx1g"), JvmOptions.tuning(new String[] {"serve"},
                Map.of(JvmOptions.ENVIRONMENT, "-Xmx1g"), recent), "configured options replace all the defaults");
    }

    @Test
    void thisJvmKnowsItsOwnOptionsAndNotMadeUpOnes() {
        TargetJvm current = TargetJvm.current();

        assertTrue(current.hasOption().test("MaxHeapSize"));
        assertFalse(current.hasOption().test("NoSuchOptionAnywhere"));
        assertEquals(Runtime.version().toString(), current.version());
    }

    @Test
    void theClassArchiveComesBeforeTheTuningSoThatConfiguredOptionsCanTurnItOff(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("tributary-node.jar"), "");
        Files.writeString(ClassArchive.path(jar, JVM.version()), "");
        String archive = "-XX:SharedArchiveFile=" + ClassArchive.path(jar, JVM.version());

        assertEquals(List.of(archive, "-Xshare:off"), JvmOptions.forCommand(new String[] {"serve"},
                Map.of(JvmOptions.ENVIRONMENT, "-Xshare:off"), jar, JVM));
        assertEquals(List.of(archive), JvmOptions.forCommand(new String[] {"init"}, Map.of(), jar, JVM));
        assertEquals(JvmOptions.BASE_DEFAULTS, JvmOptions.forCommand(new String[] {"demo"}, Map.of(), jar,
                new TargetJvm("21.0.2", option -> false)), "an archive of another JVM");
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
