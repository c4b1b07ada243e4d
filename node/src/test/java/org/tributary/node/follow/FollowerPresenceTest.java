package org.tributary.node.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowerPresenceTest {
    private final FollowerPresence presence = new FollowerPresence(2);

    @Test
    void anAnswerReadBeforeAWriteWasForgottenIsNotKept() {
        long readAt = presence.generation();
        presence.forget(); // a follow written while the answer was being read

        presence.putIfCurrent(7, false, readAt);

        assertEquals(Optional.empty(), presence.get(7));
        presence.putIfCurrent(7, true, presence.generation());
        assertEquals(Optional.of(true), presence.get(7));
    }

    @Test
    void theLeastRecentlyUsedAnswerGoesFirst() {
        presence.putIfCurrent(1, true, presence.generation());
        presence.putIfCurrent(2, false, presence.generation());
        presence.get(1);

        presence.putIfCurrent(3, false, presence.generation());

        assertEquals(2, presence.size());
        assertEquals(Optional.empty(), presence.get(2));
        assertEquals(Optional.of(true), presence.get(1));
    }
}
