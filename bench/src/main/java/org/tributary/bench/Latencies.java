package org.tributary.bench;

import java.time.Duration;
import org.HdrHistogram.ConcurrentHistogram;

/** A thread-safe latency recorder (microsecond resolution, up to one minute, 3 significant digits). */
public final class Latencies {
    private static final long MAX_MICROS = Duration.ofMinutes(1).toNanos() / 1_000;

    private final ConcurrentHistogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1_000)));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double medianMillis() {
        return percentileMillis(50);
    }

    public double p99Millis() {
        return percentileMillis(99);
    }

    public double maxMillis() {
        return histogram.getMaxValue() / 1_000.0;
    }

    public double percentileMillis(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }
}
