package org.tributary.node.store;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered 64-bit ids: milliseconds since the epoch in the high bits and a 16-bit sequence in the
 * low bits, so ordering by id orders by creation time (what timelines and {@code max_id} paging need).
 */
public final class IdGenerator {
    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    public IdGenerator(Clock clock) {
        this.clock = clock;
    }

    /** The lowest id this generator gives at {@code time}: every id taken at or after it is at least this. */
    public static long lowestAt(Instant time) {
        return Math.max(0, time.toEpochMilli()) << 16;
    }

    public long next() {
        long candidate = clock.millis() << 16;
        return last.updateAndGet(previous -> Math.max(previous + 1, candidate));
    }
}
