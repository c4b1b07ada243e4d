package org.tributary.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * How much CPU a JVM's optimizing compiler (HotSpot's C2) has used, read from its compiler threads in
 * {@code /proc/<pid>/task} (Linux). On two saturated cores that compiler is starved and runs long after the
 * load starts: measured, it still took half a core 20 s into benchmark 1, a third of the node's CPU, so a
 * rate taken then measures the warm-up. Benchmark 1 warms the node up until the compiler has gone quiet.
 */
final class OptimizingCompiler {
    /** The start of a C2 compiler thread's name, as the kernel keeps it (15 characters at most). */
    private static final String THREAD_NAME = "C2 CompilerThre";

    private final Path tasks;
    private final long ticksPerSecond;

    /**
     * @param tasks          a process's directory of threads, {@code /proc/<pid>/task}
     * @param ticksPerSecond the unit of the kernel's CPU times ({@code getconf CLK_TCK})
     */
    OptimizingCompiler(Path tasks, long ticksPerSecond) {
        this.tasks = tasks;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** For a process on this machine, whose kernel counts CPU time in the usual 100 ticks a second. */
    static OptimizingCompiler of(long pid) {
        return new OptimizingCompiler(Path.of("/proc", Long.toString(pid), "task"), 100);
    }

    /** What a piece of work returned, and how much of a core the compiler took meanwhile, where known. */
    record Measured<T>(T value, OptionalDouble compilerCores) {
    }

    /** Runs {@code work}, measuring the compiler's CPU time over the elapsed time if there is a compiler to watch. */
    static <T> Measured<T> measure(Optional<OptimizingCompiler> compiler, Supplier<T> work) {
        Optional<Duration> before = compiler.flatMap(OptimizingCompiler::cpuTime);
        long started = System.nanoTime();
        T value = work.get();
        long elapsed = System.nanoTime() - started;
        Optional<Duration> after = compiler.flatMap(OptimizingCompiler::cpuTime);
        if (before.isEmpty() || after.isEmpty() || elapsed <= 0) {
            return new Measured<>(value, OptionalDouble.empty());
        }
        // A compiler thread that ended meanwhile takes its time with it; never report less than nothing.
        double cores = Math.max(0, after.get().minus(before.get()).toNanos()) / (double) elapsed;
        return new Measured<>(value, OptionalDouble.of(cores));
    }

    /**
     * The CPU time (user + system) the compiler threads alive now have used; empty where {@code /proc} does not
     * tell (not Linux, or the process has ended).
     */
    Optional<Duration> cpuTime() {
        try (Stream<Path> threads = Files.list(tasks)) {
            long ticks = threads.mapToLong(this::compilerTicks).sum();
            return Optional.of(Duration.ofMillis(ticks * 1000 / ticksPerSecond));
        } catch (IOException | UncheckedIOException notLinuxOrGone) {
            return Optional.empty();
        }
    }

    /** A thread's user + system ticks if it is a C2 compiler thread, else 0. */
    private long compilerTicks(Path thread) {
        String stat;
        try {
            stat = Files.readString(thread.resolve("stat"));
        } catch (NoSuchFileException ended) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticksOfCompilerThread(stat);
    }

    /**
     * From one line of {@code /proc/<pid>/task/<tid>/stat}: the thread's user + system ticks when its name is a C2
     * compiler thread's, else 0. The name is in parentheses and may hold spaces and parentheses itself, so the
     * fields are counted from the last ')'.
     */
    static long ticksOfCompilerThread(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open || !stat.substring(open + 1, close).startsWith(THREAD_NAME)) {
            return 0;
        }
        String[] fields = stat.substring(close + 2).trim().split(" ");
        // After the name: state is field 3 of the line, utime 14 and stime 15.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
