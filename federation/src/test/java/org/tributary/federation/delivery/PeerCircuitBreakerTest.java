package org.tributary.federation.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tributary.federation.testing.MutableClock;

class PeerCircuitBreakerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T09:00:00Z"));
    private final PeerCircuitBreaker breaker = new PeerCircuitBreaker(3, Duration.ofSeconds(60), clock);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailures() {
        breaker.recordFailure("a.example");
        breaker.recordFailure("a.example");
        assertEquals(Optional.empty(), breaker.openUntil("a.example"));
        breaker.recordFailure("a.example");
        assertEquals(Optional.of(clock.instant().plusSeconds(60)), breaker.openUntil("a.example"));
        assertEquals(Optional.empty(), breaker.openUntil("b.example"));
    }

    @Test
    void closesAfterTheCoolOffAndReopensOnTheNextFailure() {
        for (int i = 0; i < 3; i++) {
            breaker.recordFailure("a.example");
        }
        clock.advance(Duration.ofSeconds(60));
        assertEquals(Optional.empty(), breaker.openUntil("a.example"));
        breaker.recordFailure("a.example");
        assertTrue(breaker.openUntil("a.example").isPresent());
    }

    @Test
    void aSuccessResetsTheCount() {
        breaker.recordFailure("a.example");
        breaker.recordFailure("a.example");
        breaker.recordSuccess("a.example");
        breaker.recordFailure("a.example");
        breaker.recordFailure("a.example");
        assertEquals(Optional.empty(), breaker.openUntil("a.example"));
    }
}
