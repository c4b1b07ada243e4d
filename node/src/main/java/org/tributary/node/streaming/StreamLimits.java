package org.tributary.node.streaming;

import java.time.Duration;

/**
 * Bounds on streaming: open streams per account and in all, events queued per stream before it is
 * dropped as too slow, and the quiet time after which a heartbeat comment is sent.
 */
public record StreamLimits(int perAccount, int total, int queueCapacity, Duration heartbeat) {

    public StreamLimits {
        if (perAccount < 1 || total < 1 || queueCapacity < 1 || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("stream limits must be positive");
        }
    }

    public static StreamLimits defaults() {
        return new StreamLimits(4, 200, 256, Duration.ofSeconds(10));
    }
}
