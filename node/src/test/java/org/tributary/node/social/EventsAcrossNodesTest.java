package org.tributary.node.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Events across three real nodes (finance: alice organizes, ann; sales: bob; hr: carol): the Event
 * reaches followers' nodes with its place and times, lists filter by time, place name and distance,
 * and RSVPs from other nodes reach the organizer's node, which counts them and tells the organizer.
 */
class EventsAcrossNodesTest {
    private static TestNode finance;
    private static TestNode sales;
    private static TestNode hr;
    private static Colleague alice;
    private static Colleague ann;
    private static Colleague bob;
    private static Colleague carol;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        hr = TestNode.start("hr");
        finance.allow(sales, hr);
        sales.allow(finance, hr);
        hr.allow(finance, sales);
        alice = Colleague.on(finance, "alice");
        ann = Colleague.on(finance, "ann");
        bob = Colleague.on(sales, "bob");
        carol = Colleague.on(hr, "carol");
        bob.follow(alice);
        carol.follow(alice);
    }

    @AfterAll
    static void stopNodes() {
        Stream.of(finance, sales, hr).forEach(TestNode::close);
    }

    @Test
    void anEventReachesFollowersAndTheirRsvpsReachTheOrganizer() {
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        JsonPath created = alice.ok("/api/v1/events", event("In Berlin next week", start, "Berlin HQ", 52.52, 13.405));
        String uri = created.getString("uri");
        String eventId = created.getString("id");
        assertEquals("Berlin HQ", created.getString("place.name"));
        assertEquals(start.toString(), Instant.parse(created.getString("start_time")).toString());

        // Bob's node has the Event with its place: found by place name and by distance, not elsewhere.
        Map<String, Object> atSales = bob.awaitInList("/api/v1/events", e -> uri.equals(e.get("uri")),
                "upcoming", true, "place", "berlin");
        String bobsId = (String) atSales.get("id");
        assertEquals("In Berlin next week", atSales.get("name"));
        assertTrue(bob.get("/api/v1/events", "near", "52.50,13.40", "radius_km", 10).getList("uri").contains(uri));
        assertTrue(!bob.get("/api/v1/events", "near", "48.14,11.58", "radius_km", 50).getList("uri").contains(uri));
        assertTrue(!bob.get("/api/v1/events", "place", "munich").getList("uri").contains(uri));

        bob.ok("/api/v1/events/" + bobsId + "/rsvp", Map.of("answer", "accept"));
        String carolsId = (String) carol.awaitInList("/api/v1/events", e -> uri.equals(e.get("uri"))).get("id");
        JsonPath carolsView = carol.ok("/api/v1/events/" + carolsId + "/rsvp", Map.of("answer", "tentative"));
        assertEquals("tentative", carolsView.getString("own_answer"));
        ann.ok("/api/v1/events/" + eventId + "/rsvp", Map.of("answer", "reject"));

        alice.awaitNotification("rsvp", uri);
        JsonPath atFinance = Eventually.await("all answers at finance", Colleague.WAIT,
                () -> alice.get("/api/v1/events/" + eventId), e -> e.getList("rsvps").size() == 3);
        assertEquals(1, atFinance.getInt("counts.accept"));
        assertEquals(1, atFinance.getInt("counts.tentative"));
        assertEquals(1, atFinance.getInt("counts.reject"));
        assertTrue(atFinance.getList("rsvps.account.acct").contains(bob.handle()), atFinance.prettify());

        // A changed answer replaces the earlier one.
        bob.ok("/api/v1/events/" + bobsId + "/rsvp", Map.of("answer", "reject"));
        Eventually.await("bob's new answer at finance", Colleague.WAIT,
                () -> alice.get("/api/v1/events/" + eventId).getInt("counts.reject") == 2);
        assertEquals(0, alice.get("/api/v1/events/" + eventId).getInt("counts.accept"));
    }

    @Test
    void pastEventsAreNotUpcomingAndBadEventsAreRefused() {
        Instant past = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String pastUri = alice.ok("/api/v1/events", event("Last offsite", past, "Lisbon", null, null))
                .getString("uri");
        assertTrue(alice.get("/api/v1/events").getList("uri").contains(pastUri));
        assertTrue(!alice.get("/api/v1/events", "upcoming", true).getList("uri").contains(pastUri));

        Map<String, Object> noStart = new HashMap<>(Map.of("name", "When?"));
        assertEquals("invalid_event", alice.postJson("/api/v1/events", noStart).statusCode(422).extract().path("code"));
        Map<String, Object> backwards = event("Backwards", Instant.now(), "Oslo", null, null);
        backwards.put("end_time", Instant.now().minus(Duration.ofHours(1)).toString());
        alice.postJson("/api/v1/events", backwards).statusCode(422);
        String id = alice.ok("/api/v1/events", event("Soon", Instant.now().plus(Duration.ofDays(1)), "Oslo", null,
                null)).getString("id");
        assertEquals("invalid_answer", alice.postJson("/api/v1/events/" + id + "/rsvp", Map.of("answer", "maybe"))
                .statusCode(422).extract().path("code"));
    }

    private static Map<String, Object> event(String name, Instant start, String place, Double lat, Double lon) {
        Map<String, Object> location = new HashMap<>(Map.of("name", place));
        if (lat != null) {
            location.put("latitude", lat);
            location.put("longitude", lon);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", name + ": who is around?");
        body.put("start_time", start.toString());
        body.put("end_time", start.plus(Duration.ofHours(4)).toString());
        body.put("place", location);
        return body;
    }
}
