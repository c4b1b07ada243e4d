package org.tributary.node.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Likes and boosts across three real nodes: finance (alice writes), sales (bob follows alice; bea
 * follows bob) and hr (carol, reached by mentions; she also follows bob). Counts must agree on every
 * node: the author's node counts and reports each change with Update(Note).
 */
class LikesAndBoostsAcrossNodesTest {
    private static TestNode finance;
    private static TestNode sales;
    private static TestNode hr;
    private static Member alice;
    private static Member ann;
    private static Member bob;
    private static Member bea;
    private static Member carol;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        hr = TestNode.start("hr");
        finance.allow(sales, hr);
        sales.allow(finance, hr);
        hr.allow(finance, sales);
        Stream.of("alice", "ann").forEach(finance::addEmployee);
        Stream.of("bob", "bea").forEach(sales::addEmployee);
        hr.addEmployee("carol");
        alice = Member.of(finance, "alice");
        ann = Member.of(finance, "ann");
        bob = Member.of(sales, "bob");
        bea = Member.of(sales, "bea");
        carol = Member.of(hr, "carol");
        bob.follow(alice.handle());
        bea.follow("bob");
        carol.follow(bob.handle());
    }

    @AfterAll
    static void stopNodes() {
        Stream.of(finance, sales, hr).forEach(TestNode::close);
    }

    @Test
    void aLikeFromAThirdNodeIsCountedByTheAuthorsNodeAndReachesEveryCopy() {
        JsonPath posted = alice.post("Quarterly numbers are in, @" + carol.handle(), "public");
        String uri = posted.getString("uri");
        String atFinance = posted.getString("id");
        String atSales = bob.awaitLocalId(uri);
        String atHr = carol.awaitLocalId(uri);

        JsonPath liked = carol.action("/api/v1/statuses/" + atHr + "/favourite").then().statusCode(200).extract()
                .jsonPath();
        assertTrue(liked.getBoolean("favourited"));
        assertEquals(1, liked.getInt("favourites_count"), "the liker's node shows the like at once");

        alice.awaitCount(atFinance, "favourites_count", 1);
        bob.awaitCount(atSales, "favourites_count", 1);
        assertFalse(bob.status(atSales).getBoolean("favourited"), "favourited is the viewer's own like");
        alice.awaitNotification("favourite", carol.handle());
        List<String> likers = alice.node.api(alice.token).get("/api/v1/statuses/" + atFinance + "/favourited_by")
                .then().statusCode(200).extract().jsonPath().getList("acct");
        assertEquals(List.of(carol.handle()), likers);

        JsonObject note = fetchedBy(sales, "bob", uri);
        assertEquals(1, note.getJsonObject("likes").getInt("totalItems"), note.toString());
        assertEquals("Collection", note.getJsonObject("likes").getString("type"));
        assertEquals(0, note.getJsonObject("shares").getInt("totalItems"));

        List<String> favourites = carol.node.api(carol.token).get("/api/v1/favourites").then().statusCode(200)
                .extract().jsonPath().getList("uri");
        assertEquals(List.of(uri), favourites);

        JsonPath unliked = carol.action("/api/v1/statuses/" + atHr + "/unfavourite").then().statusCode(200)
                .extract().jsonPath();
        assertFalse(unliked.getBoolean("favourited"));
        assertEquals(0, unliked.getInt("favourites_count"));
        alice.awaitCount(atFinance, "favourites_count", 0);
        bob.awaitCount(atSales, "favourites_count", 0);
        carol.awaitCount(atHr, "favourites_count", 0);
        assertNull(bob.status(atSales).getString("edited_at"), "a count report is not an edit");
    }

    @Test
    void aBoostReachesTheBoostersFollowersOnEveryNodeAndIsCountedWhereThePostLives() {
        JsonPath posted = alice.post("Our travel policy changed", "public");
        String uri = posted.getString("uri");
        String atSales = bob.awaitLocalId(uri);

        JsonPath boost = bob.action("/api/v1/statuses/" + atSales + "/reblog").then().log().ifValidationFails()
                .statusCode(200).extract().jsonPath();
        assertEquals(uri, boost.getString("reblog.uri"));
        assertTrue(boost.getBoolean("reblog.reblogged"));
        assertEquals(bob.username, boost.getString("account.acct"));

        // hr never had the post: the Announce makes it fetch it from finance.
        Map<String, Object> atCarol = Eventually.await("the boost in carol's home", Member.WAIT,
                () -> Member.first(carol.home(), entry -> isBoostOf(entry, uri)), java.util.Optional::isPresent)
                .orElseThrow();
        assertEquals(bob.handle(), ((Map<?, ?>) atCarol.get("account")).get("acct"));
        Member.first(bea.home(), entry -> isBoostOf(entry, uri)).orElseThrow();

        alice.awaitCount(posted.getString("id"), "reblogs_count", 1);
        bob.awaitCount(atSales, "reblogs_count", 1);
        alice.awaitNotification("reblog", bob.handle());
        List<String> boosters = alice.node.api(alice.token).get("/api/v1/statuses/" + posted.getString("id")
                + "/reblogged_by").then().statusCode(200).extract().jsonPath().getList("acct");
        assertEquals(List.of(bob.handle()), boosters);

        bob.action("/api/v1/statuses/" + atSales + "/unreblog").then().statusCode(200);
        alice.awaitCount(posted.getString("id"), "reblogs_count", 0);
        Eventually.await("the boost to leave carol's home", Member.WAIT,
                () -> Member.first(carol.home(), entry -> isBoostOf(entry, uri)).isEmpty());
        assertTrue(Member.first(bea.home(), entry -> isBoostOf(entry, uri)).isEmpty());
    }

    @Test
    void onlyOrganizationPostsCanBeBoostedAndOnlyReadablePostsLiked() {
        JsonPath followersOnly = alice.post("For my followers", "private");
        String atSales = bob.awaitLocalId(followersOnly.getString("uri"));
        bob.action("/api/v1/statuses/" + atSales + "/reblog").then().statusCode(422)
                .body("code", org.hamcrest.Matchers.equalTo("reblog_not_allowed"));
        bob.action("/api/v1/statuses/" + atSales + "/favourite").then().statusCode(200);
        alice.awaitCount(followersOnly.getString("id"), "favourites_count", 1);

        JsonPath department = alice.post("Department only", "local");
        alice.action("/api/v1/statuses/" + department.getString("id") + "/reblog").then().statusCode(422);
        JsonPath direct = alice.post("Just for @ann", "direct");
        ann.action("/api/v1/statuses/" + direct.getString("id") + "/reblog").then().statusCode(422);
        // bea may not read the direct post: liking it is answered as if it did not exist.
        bea.action("/api/v1/statuses/" + direct.getString("id") + "/favourite").then().statusCode(404);
        ann.action("/api/v1/statuses/" + direct.getString("id") + "/favourite").then().statusCode(200);
        alice.awaitNotification("favourite", "ann");
        assertEquals(1, alice.status(direct.getString("id")).getInt("favourites_count"));
    }

    @SuppressWarnings("unchecked")
    private static boolean isBoostOf(Map<String, Object> entry, String uri) {
        Object reblog = entry.get("reblog");
        return reblog instanceof Map<?, ?> boosted && uri.equals(((Map<String, Object>) boosted).get("uri"));
    }

    private static JsonObject fetchedBy(TestNode node, String username, String uri) {
        FetchResult result = node.assembly().fetchAs(username, URI.create(uri));
        return assertInstanceOf(FetchResult.Fetched.class, result, result::toString).document();
    }
}
