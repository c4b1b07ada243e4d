package org.tributary.node.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaceTest {

    @Test
    void distanceBetweenBerlinAndMunichIsAboutFiveHundredKilometres() {
        Place berlin = new Place("Berlin", 52.52, 13.405, null);
        assertEquals(504, berlin.distanceKm(48.137, 11.575), 5);
        assertEquals(0, berlin.distanceKm(52.52, 13.405), 1e-9);
    }

    @Test
    void coordinatesGoTogether() {
        assertTrue(new Place("x", 1.0, 2.0, null).hasCoordinates());
        assertFalse(new Place("x", 1.0, null, null).hasCoordinates());
    }

    @Test
    void answersMapToTheirActivityTypes() {
        assertEquals("TentativeAccept", RsvpAnswer.TENTATIVE.activityType());
        assertEquals(RsvpAnswer.REJECT, RsvpAnswer.fromActivityType("Reject").orElseThrow());
        assertTrue(RsvpAnswer.fromApiName("maybe").isEmpty());
    }
}
