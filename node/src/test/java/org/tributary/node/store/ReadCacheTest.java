package org.tributary.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadCacheTest {
    private final ReadCache<Long, Boolean> cache = new ReadCache<>(2);

    @Test
    void aValueReadBeforeAWriteWasInvalidatedIsNotKept() {
        long readAt = cache.generation(); // a read starts...
        cache.invalidate(); // ...a write commits meanwhile...

        cache.putIfCurrent(7L, false, readAt); // ...and the read, perhaps of what it replaced, ends

        assertEquals(Optional.empty(), cache.get(7L));
        cache.putIfCurrent(7L, true, cache.generation());
        assertEquals(Optional.of(true), cache.get(7L), "a read that started after it is kept");
        cache.invalidate();
        assertEquals(Optional.empty(), cache.get(7L));
    }

    @Test
    void theLeastRecentlyUsedGoesFirst() {
        cache.putIfCurrent(1L, true, cache.generation());
        cache.putIfCurrent(2L, false, cache.generation());
        cache.get(1L);

        cache.putIfCurrent(3L, false, cache.generation());

        assertEquals(2, cache.size());
        assertEquals(Optional.empty(), cache.get(2L));
        assertEquals(Optional.of(true), cache.get(1L));
        assertEquals(Optional.of(false), cache.get(3L));
    }
}
