package org.tributary.federation.discovery;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one discovery request: the largest response body accepted and the time allowed for the
 * whole exchange, body included (a peer trickling bytes cannot hold a thread forever).
 */
public record FetchLimits(int maxBytes, Duration timeout) {

    /** Discovery documents are small; 64 KiB and 5 seconds leave ample room. */
    public static final FetchLimits DEFAULT = new FetchLimits(64 * 1024, Duration.ofSeconds(5));

    public FetchLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxBytes <= 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("fetch limits must be positive");
        }
    }
}
