package org.tributary.node.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.node.inbox.InboxTestActivities.activity;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
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

    @Test
    void aHandOffFollowingTheLogKnowsWhichCommittedEntriesAcceptedAnActivity() {
        AtomicLong committedSize = new AtomicLong(5);
        assertEquals(Optional.empty(), handOff.acceptedFrom(5, 10), "follows no log yet");
        handOff.followLog(committedSize::get);
        handOff.offer(5, LIKE, new byte[2]);
        handOff.offer(7, LIKE, new byte[2]);
        handOff.offer(9, LIKE, new byte[2]); // its entry is not committed yet
        committedSize.set(9);

        assertEquals(new InboxHandOff.Accepted(List.of(5L, 7L), 8), handOff.acceptedFrom(5, 10).orElseThrow());
        assertEquals(new InboxHandOff.Accepted(List.of(5L), 6), handOff.acceptedFrom(5, 2).orElseThrow(),
                "at most as many entries as asked");
        assertEquals(new InboxHandOff.Accepted(List.of(), 8), handOff.acceptedFrom(9, 10).orElseThrow(),
                "nothing committed after 8: through the entry before");
        assertEquals(Optional.empty(), handOff.acceptedFrom(4, 10), "committed before the hand-off followed the log");

        handOff.take(7); // a batch that rolled back, or a read that took it
        assertEquals(List.of(5L), handOff.acceptedFrom(5, 10).orElseThrow().accepted());
    }

    @Test
    void placesOfActivitiesThatDidNotFitAreKnownUntilTakenOrDropped() {
        InboxHandOff full = new InboxHandOff(0);
        AtomicLong committedSize = new AtomicLong();
        full.followLog(committedSize::get);
        committedSize.set(10);
        full.offer(2, LIKE, new byte[2]);
        full.offer(3, LIKE, new byte[2]);
        full.offer(6, LIKE, new byte[2]);

        assertEquals(0, full.heldCount());
        assertEquals(List.of(2L, 3L, 6L), full.acceptedFrom(0, 10).orElseThrow().accepted());
        assertNull(full.take(3), "known by its place alone");
        full.dropBefore(6);
        assertEquals(List.of(6L), full.acceptedFrom(0, 10).orElseThrow().accepted());
    }

    @Test
    void pastItsBoundThePlacesNotHeldAreForgottenAndTheLogIsReadForThem() {
        InboxHandOff full = new InboxHandOff(0);
        AtomicLong committedSize = new AtomicLong();
        full.followLog(committedSize::get);
        committedSize.set(Long.MAX_VALUE);
        int last = InboxHandOff.MAX_PLACES_NOT_HELD;
        for (int place = 0; place <= last; place++) {
            full.offer(place, LIKE, new byte[2]);
        }
        full.offer(last + 1, LIKE, new byte[2]);

        assertEquals(Optional.empty(), full.acceptedFrom(0, 10));
        assertEquals(Optional.empty(), full.acceptedFrom(last, 10));
        assertEquals(List.of((long) last + 1), full.acceptedFrom(last + 1, 10).orElseThrow().accepted());
        assertTrue(full.acceptedFrom(last + 2, 10).orElseThrow().accepted().isEmpty());
    }
}
