package org.tributary.node.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.tributary.node.inbox.InboxTestActivities.activity;

import org.junit.jupiter.api.Test;
import org.tributary.federation.spi.InboundActivity;

class InboxHandOffTest {
    private static final InboundActivity LIKE = activity("1", "Like");
    /** What one held activity of {@code bodyBytes} raw bytes counts for. */
    private static long size(int bodyBytes) {
        return InboxHandOff.ENTRY_BYTES + (1 + InboxHandOff.PARSED_PER_BYTE) * (long) bodyBytes;
    }

    private final InboxHandOff handOff = new InboxHandOff(2 * size(6) + size(4));

    @Test
    void anActivityIsTakenOnceWithItsRowIdBytesAndParsedJson() {
        byte[] body = {1, 2, 3};
        handOff.offer(7, LIKE, body);

        StoredActivity taken = handOff.take(7);
        assertEquals(7, taken.id());
        assertEquals(LIKE.id(), taken.activityId());
        assertEquals("Like", taken.type());
        assertEquals(LIKE.actor(), taken.actor());
        assertSame(body, taken.body());
        assertEquals(0, taken.attempts(), "a row just stored was never tried");
        assertSame(LIKE, taken.parsed().orElseThrow());
        assertNull(handOff.take(7));
        assertEquals(0, handOff.heldBytes());
        assertEquals(0, handOff.heldCount());
    }

    @Test
    void whatWouldExceedTheBoundIsNotHeldAndWhatIsHeldStays() {
        handOff.offer(1, LIKE, new byte[6]);
        handOff.offer(2, LIKE, new byte[6]);
        handOff.offer(3, LIKE, new byte[6]);
        handOff.offer(4, LIKE, new byte[4]);

        assertEquals(2 * size(6) + size(4), handOff.heldBytes());
        assertEquals(6, handOff.take(1).body().length);
        assertEquals(6, handOff.take(2).body().length);
        assertNull(handOff.take(3), "did not fit");
        assertEquals(4, handOff.take(4).body().length);
    }

    @Test
    void rowsBeforeTheOldestPendingOneAreDropped() {
        handOff.offer(1, LIKE, new byte[2]);
        handOff.offer(2, LIKE, new byte[2]);
        handOff.offer(5, LIKE, new byte[2]);

        handOff.dropBefore(5);

        assertNull(handOff.take(1));
        assertNull(handOff.take(2));
        assertEquals(size(2), handOff.heldBytes());
        assertEquals(2, handOff.take(5).body().length);
    }
}
