package org.tributary.federation.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops sending to a peer that keeps failing, for a cool-off period, so that a node that is down does not
 * tie up the workers with timeouts. After {@code failureThreshold} consecutive failures the circuit opens
 * for {@code coolOff}; after that, requests flow again, and one more failure re-opens it at once, while one
 * success closes it. Thread-safe.
 */
public final class PeerCircuitBreaker {

    private record State(int consecutiveFailures, Instant openUntil) { }

    private final int failureThreshold;
    private final Duration coolOff;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public PeerCircuitBreaker(int failureThreshold, Duration coolOff, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.coolOff = Objects.requireNonNull(coolOff, "coolOff");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Mastodon's setting: 10 failures in a row, then 60 seconds of rest. */
    public static PeerCircuitBreaker mastodonLike(Clock clock) {
        return new PeerCircuitBreaker(10, Duration.ofSeconds(60), clock);
    }

    /** When the peer's circuit is open, the instant it closes again. */
    public Optional<Instant> openUntil(String authority) {
        State state = states.get(authority);
        if (state == null || !clock.instant().isBefore(state.openUntil())) {
            return Optional.empty();
        }
        return Optional.of(state.openUntil());
    }

    public void recordSuccess(String authority) {
        states.remove(authority);
    }

    public void recordFailure(String authority) {
        Instant now = clock.instant();
        states.compute(authority, (peer, state) -> {
            int failures = state == null ? 1 : state.consecutiveFailures() + 1;
            Instant openUntil = failures >= failureThreshold ? now.plus(coolOff) : Instant.MIN;
            return new State(failures, openUntil);
        });
    }
}
