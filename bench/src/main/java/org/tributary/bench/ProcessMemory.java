package org.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Resident memory of a process from {@code /proc/<pid>/status}: VmRSS now, VmHWM (the kernel's peak),
 * and the largest VmRSS a background sampler saw while it ran. VmRSS and the samples count the process
 * and all its descendants: a node started by a bare {@code java -jar} relaunches itself as a child JVM, and
 * the launcher's memory is part of the node's footprint too. (The start script replaces itself with the
 * node's JVM: one process.)
 */
public final class ProcessMemory implements AutoCloseable {
    private final long pid;
    private final AtomicLong peakSampledKib = new AtomicLong();
    private final Thread sampler;

    public ProcessMemory(long pid) {
        this.pid = pid;
        this.sampler = new Thread(this::sample, "rss-sampler-" + pid);
        sampler.setDaemon(true);
        sampler.start();
    }

    public long rssKib() {
        long total = field(pid, "VmRSS:");
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
            total += field(child.pid(), "VmRSS:");
        }
        return total;
    }

    /** The kernel's high-water mark of resident memory since the process started. */
    public long peakKib() {
        return field(pid, "VmHWM:");
    }

    public long peakSampledKib() {
        return peakSampledKib.get();
    }

    /** Forgets earlier samples, to measure one phase. */
    public void resetSampledPeak() {
        peakSampledKib.set(rssKib());
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            long now = rssKib();
            peakSampledKib.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process has ended, or this is not Linux.
        }
        return 0;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
