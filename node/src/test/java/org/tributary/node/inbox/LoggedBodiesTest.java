package org.tributary.node.inbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LoggedBodiesTest {
    private final LoggedBodies bodies = new LoggedBodies(10);

    @Test
    void aBodyIsTakenOnce() {
        bodies.offer(7, new byte[] {1, 2, 3});

        assertArrayEquals(new byte[] {1, 2, 3}, bodies.take(7));
        assertNull(bodies.take(7));
        assertEquals(0, bodies.heldBytes());
    }

    @Test
    void whatWouldExceedTheBoundIsNotHeldAndWhatIsHeldStays() {
        bodies.offer(1, new byte[6]);
        bodies.offer(2, new byte[6]);
        bodies.offer(3, new byte[4]);

        assertEquals(10, bodies.heldBytes());
        assertEquals(6, bodies.take(1).length);
        assertNull(bodies.take(2), "did not fit");
        assertEquals(4, bodies.take(3).length);
    }

    @Test
    void rowsBeforeTheOldestPendingOneAreDropped() {
        bodies.offer(1, new byte[2]);
        bodies.offer(2, new byte[2]);
        bodies.offer(5, new byte[2]);

        bodies.dropBefore(5);

        assertNull(bodies.take(1));
        assertNull(bodies.take(2));
        assertEquals(2, bodies.heldBytes());
        assertEquals(2, bodies.take(5).length);
    }
}
