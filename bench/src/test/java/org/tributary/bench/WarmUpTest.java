package org.tributary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 1's warm-up against a real HTTP server on loopback whose "optimizing compiler" is a thread file in a
 * directory laid out as {@code /proc/<pid>/task}: each of the first requests the server answers adds a tenth of a
 * second of compiler time, the later ones none, so the compiler is busy for a known number of requests.
 */
class WarmUpTest {
    private static final long TICKS_PER_SECOND = 100;

    @TempDir
    Path tasks;
    private LoopbackHttpServer server;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong compilerTicks = new AtomicLong();
    private volatile long busyFor;

    @BeforeEach
    void startServer() throws IOException {
        writeCompilerThread(0);
        Files.writeString(tasks.resolve("7").resolve("stat"), "7 (other thread) S" + " 0".repeat(10) + " 900 900 0");
        server = LoopbackHttpServer.start(4, Map.of("/inbox", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (answered.incrementAndGet() <= busyFor) {
                writeCompilerThread(compilerTicks.addAndGet(TICKS_PER_SECOND / 10));
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        }));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private synchronized void writeCompilerThread(long ticks) throws IOException {
        Path thread = Files.createDirectories(tasks.resolve("6"));
        Files.createDirectories(tasks.resolve("7"));
        Path temporary = thread.resolve("stat.new");
        Files.writeString(temporary, "6 (C2 CompilerThre) S" + " 0".repeat(10) + " " + ticks + " 0 0");
        Files.move(temporary, thread.resolve("stat"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private List<WireRequest> pool(int size) {
        URI inbox = server.uri("/inbox");
        return IntStream.range(0, size).mapToObj(i -> WireRequest.of("POST", inbox,
                Map.of("Content-Type", List.of("application/activity+json")), ("{\"n\":" + i + "}").getBytes()))
                .toList();
    }

    private WarmUp warmUp(int poolSize, Optional<OptimizingCompiler> compiler) {
        return WarmUp.run(new LoadGenerator(8), pool(poolSize), 100, 100, Duration.ofSeconds(30), compiler);
    }

    private Optional<OptimizingCompiler> compiler() {
        return Optional.of(new OptimizingCompiler(tasks, TICKS_PER_SECOND));
    }

    @Test
    void goesOnInRoundsUntilARoundInWhichTheCompilerWasQuiet() {
        busyFor = 250; // the first three rounds of 100 see compiler time, the fourth none

        WarmUp warmUp = warmUp(1_000, compiler());

        assertEquals(400, warmUp.sent());
        assertTrue(warmUp.quiet(), warmUp.describe());
        assertTrue(warmUp.lastRoundCores().getAsDouble() < WarmUp.QUIET_CORES, warmUp.describe());
        assertTrue(warmUp.describe().contains("until the optimizing compiler was quiet"), warmUp.describe());
    }

    @Test
    void stopsAtTheEndOfThePoolWhenTheCompilerIsStillBusyAndSaysSo() {
        busyFor = Long.MAX_VALUE;

        WarmUp warmUp = warmUp(300, compiler());

        assertEquals(300, warmUp.sent());
        assertFalse(warmUp.quiet());
        assertTrue(warmUp.lastRoundCores().getAsDouble() >= WarmUp.QUIET_CORES, warmUp.describe());
        assertTrue(warmUp.describe().contains("still busy"), warmUp.describe());
    }

    @Test
    void aServerWhoseCompilerCannotBeWatchedGetsTheMinimumOnly() {
        busyFor = Long.MAX_VALUE;

        WarmUp warmUp = warmUp(1_000, Optional.empty());

        assertEquals(100, warmUp.sent());
        assertTrue(warmUp.lastRoundCores().isEmpty());
        assertEquals("warmed up on 100 activities", warmUp.describe());
    }

    @Test
    void readsOnlyTheCompilerThreadsTimeFromAThreadLine() {
        String compiler = "42 (C2 CompilerThre) S 1 1 1 0 -1 4194368 93 0 0 0 250 31 0 0 20 0 20 0 42 0";
        String worker = "43 (tributary-http-) R 1 1 1 0 -1 4194368 93 0 0 0 9000 10 0 0 20 0 20 0 42 0";
        String odd = "44 (a (C2 CompilerThre) S 1 1 1 0 -1 4194368 93 0 0 0 9000 10 0 0 20 0 20 0 42 0";

        assertEquals(281, OptimizingCompiler.ticksOfCompilerThread(compiler));
        assertEquals(0, OptimizingCompiler.ticksOfCompilerThread(worker));
        assertEquals(0, OptimizingCompiler.ticksOfCompilerThread(odd));
    }

    @Test
    void aProcessThatIsGoneHasNoCompilerTime() {
        assertTrue(new OptimizingCompiler(tasks.resolve("no-such-process"), TICKS_PER_SECOND).cpuTime().isEmpty());
        assertTrue(compiler().orElseThrow().cpuTime().isPresent());
    }
}
