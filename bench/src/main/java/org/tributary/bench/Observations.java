package org.tributary.bench;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measurements one benchmark makes for another: every node start's start-to-serving time and whether the
 * node's JVM mapped the class-data archive, and the node's peak resident memory during the inbox benchmark
 * (all reported by the footprint benchmark).
 */
public final class Observations {
    private final Latencies starts = new Latencies();
    private final AtomicInteger startsWithClassArchive = new AtomicInteger();
    private final AtomicLong inboxPeakRssKib = new AtomicLong(-1);

    public void recordStart(long nanos, boolean withClassArchive) {
        starts.recordNanos(nanos);
        if (withClassArchive) {
            startsWithClassArchive.incrementAndGet();
        }
    }

    public Latencies starts() {
        return starts;
    }

    public int startsWithClassArchive() {
        return startsWithClassArchive.get();
    }

    public void recordInboxPeakRss(long kib) {
        inboxPeakRssKib.set(kib);
    }

    public OptionalLong inboxPeakRssKib() {
        long value = inboxPeakRssKib.get();
        return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
