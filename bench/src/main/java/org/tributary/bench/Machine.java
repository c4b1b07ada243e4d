package org.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the benchmarks ran on: cores, CPU model, memory and JDK, read from /proc and the JVM. */
public record Machine(int cores, String cpuModel, String memory, String jdk, String os) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procField("/proc/cpuinfo", "model name").orElse("unknown CPU"),
                procField("/proc/meminfo", "MemTotal").map(Machine::gib).orElse("unknown"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    public String describe() {
        return cores + " cores (" + cpuModel + "), " + memory + " RAM, " + jdk + ", " + os;
    }

    private static Optional<String> procField(String file, String name) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(line -> line.startsWith(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String gib(String memTotal) {
        long kib = Long.parseLong(memTotal.replace("kB", "").strip());
        return String.format(java.util.Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
    }
}
