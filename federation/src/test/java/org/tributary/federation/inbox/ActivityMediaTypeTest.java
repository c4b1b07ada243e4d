package org.tributary.federation.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivityMediaTypeTest {

    @Test
    void acceptsBothActivityStreamsTypesWithParameters() {
        assertTrue(ActivityMediaType.isActivityJson("application/activity+json"));
        assertTrue(ActivityMediaType.isActivityJson("Application/Activity+JSON; charset=utf-8"));
        assertTrue(ActivityMediaType.isActivityJson(
                "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""));
        assertTrue(ActivityMediaType.isActivityJson("application/ld+json"));
    }

    @Test
    void refusesEverythingElse() {
        assertFalse(ActivityMediaType.isActivityJson("application/json"));
        assertFalse(ActivityMediaType.isActivityJson("text/html"));
        assertFalse(ActivityMediaType.isActivityJson("application/activity+json-evil"));
        assertFalse(ActivityMediaType.isActivityJson(""));
        assertFalse(ActivityMediaType.isActivityJson(null));
    }
}
