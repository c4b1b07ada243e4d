package org.tributary.federation.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.tributary.federation.FederationError;

/**
 * How far a signature's time may lie from now: at most {@code maxAge} in the past and
 * {@code maxFuture} ahead (clock skew). An {@code expires} time in the past always fails.
 */
record DateWindow(Clock clock, Duration maxAge, Duration maxFuture) {
    DateWindow {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(maxFuture, "maxFuture");
        if (maxAge.isNegative() || maxFuture.isNegative()) {
            throw new IllegalArgumentException("window bounds must not be negative");
        }
    }

    Instant now() {
        return clock.instant();
    }

    void checkCreated(Instant created, String what) throws SignatureFailure {
        Instant now = now();
        if (created.isBefore(now.minus(maxAge))) {
            throw new SignatureFailure(FederationError.DATE_OUT_OF_WINDOW,
                    what + " " + created + " is older than " + maxAge + " (now " + now + ")");
        }
        if (created.isAfter(now.plus(maxFuture))) {
            throw new SignatureFailure(FederationError.DATE_OUT_OF_WINDOW,
                    what + " " + created + " is more than " + maxFuture + " ahead (now " + now + ")");
        }
    }

    void checkNotExpired(Instant expires) throws SignatureFailure {
        Instant now = now();
        if (expires.isBefore(now)) {
            throw new SignatureFailure(FederationError.DATE_OUT_OF_WINDOW,
                    "signature expired at " + expires + " (now " + now + ")");
        }
    }
}
