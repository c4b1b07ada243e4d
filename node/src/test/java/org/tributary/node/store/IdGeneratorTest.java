package org.tributary.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.MutableClock;

class IdGeneratorTest {
    private static final Instant START = Instant.parse("2025-03-05T09:15:00Z");

    @Test
    void idsCarryTheMillisecondInTheirHighBits() {
        IdGenerator ids = new IdGenerator(new MutableClock(START));
        assertEquals(START.toEpochMilli(), ids.next() >>> 16);
    }

    @Test
    void staysStrictlyIncreasingWithinOneMillisecond() {
        IdGenerator ids = new IdGenerator(new MutableClock(START));
        long previous = ids.next();
        for (int i = 0; i < 1000; i++) {
            long next = ids.next();
            assertEquals(previous + 1, next);
            previous = next;
        }
    }

    @Test
    void staysIncreasingWhenTheClockGoesBackwards() {
        MutableClock clock = new MutableClock(START);
        IdGenerator ids = new IdGenerator(clock);
        long beforeJump = ids.next();
        clock.set(START.minus(Duration.ofMinutes(10)));
        long afterJump = ids.next();
        assertTrue(afterJump > beforeJump, "ids never go back with the clock");
    }

    @Test
    void followsTheClockAgainWhenItMovesOn() {
        MutableClock clock = new MutableClock(START);
        IdGenerator ids = new IdGenerator(clock);
        ids.next();
        clock.advance(Duration.ofMillis(5));
        assertEquals(START.plusMillis(5).toEpochMilli() << 16, ids.next());
    }

    @Test
    void concurrentCallersNeverShareAnId() {
        IdGenerator ids = new IdGenerator(new MutableClock(START));
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 4000).parallel().forEach(i -> seen.add(ids.next()));
        assertEquals(4000, seen.size());
        assertEquals(4000, new HashSet<>(seen).size());
    }
}
