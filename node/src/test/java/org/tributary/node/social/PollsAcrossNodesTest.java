package org.tributary.node.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.MutableClock;
import org.tributary.node.testing.TestNode;

/**
 * Polls across three real nodes sharing one controllable clock (finance: alice, the author, and ann;
 * sales: bob; hr: carol): votes from other nodes reach the author's node, its tallies reach every
 * node, a second vote is refused, and at the end time the poll closes everywhere and voters are told.
 */
class PollsAcrossNodesTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.now());

    private static TestNode finance;
    private static TestNode sales;
    private static TestNode hr;
    private static Colleague alice;
    private static Colleague ann;
    private static Colleague bob;
    private static Colleague carol;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance", CLOCK);
        sales = TestNode.start("sales", CLOCK);
        hr = TestNode.start("hr", CLOCK);
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
    void votesAreTalliedByTheAuthorsNodeAndThePollClosesEverywhere() {
        JsonPath posted = alice.ok("/api/v1/statuses", Map.of("status", "Team lunch?", "poll",
                Map.of("options", List.of("pizza", "sushi"), "expires_in", 600, "multiple", false)));
        String uri = posted.getString("uri");
        String aliceId = posted.getString("id");
        assertEquals(List.of("pizza", "sushi"), posted.getList("poll.options.title"));
        assertEquals(List.of(0, 0), posted.getList("poll.options.votes_count"));
        assertFalse(posted.getBoolean("poll.expired"));
        assertFalse(posted.getBoolean("poll.multiple"));

        // Bob's node has the poll as a Question; he votes there.
        String bobsId = (String) bob.awaitInHome(uri).get("id");
        JsonPath atSales = bob.get("/api/v1/polls/" + bobsId);
        assertEquals(List.of("pizza", "sushi"), atSales.getList("options.title"));
        assertFalse(atSales.getBoolean("voted"));
        JsonPath voted = bob.ok("/api/v1/polls/" + bobsId + "/votes", Map.of("choices", List.of(1)));
        assertTrue(voted.getBoolean("voted"));
        assertEquals(List.of(1), voted.getList("own_votes"));
        bob.postJson("/api/v1/polls/" + bobsId + "/votes", Map.of("choices", List.of(0))).statusCode(422);

        // The author's node counts the vote; the new counts reach hr.
        awaitCounts(alice, aliceId, List.of(0, 1));
        String carolsId = (String) carol.awaitInHome(uri).get("id");
        awaitCounts(carol, carolsId, List.of(0, 1));

        carol.ok("/api/v1/polls/" + carolsId + "/votes", Map.of("choices", List.of(0)));
        ann.ok("/api/v1/polls/" + aliceId + "/votes", Map.of("choices", List.of(1)));
        JsonPath tally = awaitCounts(alice, aliceId, List.of(1, 2));
        assertEquals(3, tally.getInt("voters_count"));
        awaitCounts(bob, bobsId, List.of(1, 2));

        // Invalid choices are refused.
        alice.postJson("/api/v1/polls/" + aliceId + "/votes", Map.of("choices", List.of(0, 1))).statusCode(422);
        alice.postJson("/api/v1/polls/" + aliceId + "/votes", Map.of("choices", List.of(5))).statusCode(422);

        // At the end time the author's node closes the poll and sends the final counts.
        CLOCK.advance(Duration.ofMinutes(11));
        bob.awaitNotification("poll", uri);
        carol.awaitNotification("poll", uri);
        ann.awaitNotification("poll", uri);
        assertTrue(alice.get("/api/v1/polls/" + aliceId).getBoolean("expired"));
        Eventually.await("sales to know the poll closed", Colleague.WAIT,
                () -> bob.get("/api/v1/polls/" + bobsId).getBoolean("expired"));
        assertEquals(List.of(1, 2), bob.get("/api/v1/polls/" + bobsId).getList("options.votes_count"));

        // Votes after the end are refused.
        alice.postJson("/api/v1/polls/" + aliceId + "/votes", Map.of("choices", List.of(0))).statusCode(422);
        assertEquals("poll_closed", alice.postJson("/api/v1/polls/" + aliceId + "/votes",
                Map.of("choices", List.of(0))).extract().path("code"));
    }

    @Test
    void badPollsAreRefused() {
        alice.postJson("/api/v1/statuses", Map.of("status", "one?", "poll", Map.of("options", List.of("only"),
                "expires_in", 600))).statusCode(422);
        alice.postJson("/api/v1/statuses", Map.of("status", "soon?", "poll", Map.of("options", List.of("a", "b"),
                "expires_in", 10))).statusCode(422);
        alice.postJson("/api/v1/statuses", Map.of("status", "twice?", "poll", Map.of("options", List.of("a", "a"),
                "expires_in", 600))).statusCode(422);
        assertEquals("not_found", alice.node.api(alice.token).get("/api/v1/polls/12345").then().statusCode(404)
                .extract().path("code"));
    }

    @Test
    void aMultipleChoicePollTakesSeveralChoicesAndIsSentAsAnyOf() {
        JsonPath posted = alice.ok("/api/v1/statuses", Map.of("status", "Which days?", "poll",
                Map.of("options", List.of("Mon", "Tue", "Wed"), "expires_in", 3600, "multiple", true)));
        String bobsId = (String) bob.awaitInHome(posted.getString("uri")).get("id");
        assertTrue(bob.get("/api/v1/polls/" + bobsId).getBoolean("multiple"));
        bob.ok("/api/v1/polls/" + bobsId + "/votes", Map.of("choices", List.of(0, 2)));
        JsonPath tally = awaitCounts(alice, posted.getString("id"), List.of(1, 0, 1));
        assertEquals(1, tally.getInt("voters_count"));
        assertEquals(2, tally.getInt("votes_count"));
    }

    private static JsonPath awaitCounts(Colleague viewer, String pollId, List<Integer> counts) {
        return Eventually.await(viewer.username + " to see counts " + counts, Colleague.WAIT,
                () -> viewer.get("/api/v1/polls/" + pollId), poll -> counts.equals(poll.getList("options.votes_count")));
    }
}
