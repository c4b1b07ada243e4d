package org.tributary.node.posting;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
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
 * Nobody reads a post they are not entitled to, through any endpoint. alice@finance writes a
 * followers-only post (bob@sales follows her), a direct post to bea@sales, a department post and an
 * organization post; bob answers the organization post with a direct reply to alice. Then every
 * outsider tries every endpoint: ann (finance, not addressed), bea (sales, not a follower), bob (a
 * follower, for the direct post), carol (hr, unrelated) and hr's instance actor.
 */
class PostingAuthorizationTest {
    private static TestNode finance;
    private static TestNode sales;
    private static TestNode hr;
    private static Api alice;
    private static Api ann;
    private static Api bob;
    private static Api bea;
    private static Api carol;
    private static JsonPath followersPost;
    private static JsonPath directPost;
    private static JsonPath departmentPost;
    private static JsonPath organizationPost;
    private static String directReplyUri;
    private static String followersAtSales;
    private static String directAtSales;

    @BeforeAll
    static void writePosts() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        hr = TestNode.start("hr");
        finance.allow(sales, hr);
        sales.allow(finance, hr);
        hr.allow(finance, sales);
        Stream.of("alice", "ann").forEach(finance::addEmployee);
        Stream.of("bob", "bea").forEach(sales::addEmployee);
        hr.addEmployee("carol");
        alice = Api.as(finance, "alice");
        ann = Api.as(finance, "ann");
        bob = Api.as(sales, "bob");
        bea = Api.as(sales, "bea");
        carol = Api.as(hr, "carol");
        bob.follow("alice@" + finance.authority());

        followersPost = alice.post(Map.of("status", "followers secret", "visibility", "private"));
        directPost = alice.post(Map.of("status", "@bea@" + sales.authority() + " direct secret", "visibility", "direct"));
        departmentPost = alice.post(Map.of("status", "department secret", "visibility", "local"));
        organizationPost = alice.post(Map.of("status", "@bob@" + sales.authority() + " for everyone",
                "visibility", "public"));
        followersAtSales = idOf(bob.awaitInHome(followersPost.getString("uri")));
        directAtSales = idOf(bea.awaitInHome(directPost.getString("uri")));
        String organizationAtSales = idOf(bob.awaitInHome(organizationPost.getString("uri")));
        directReplyUri = bob.post(Map.of("status", "reply only alice may read", "visibility", "direct",
                "in_reply_to_id", organizationAtSales)).getString("uri");
        alice.awaitNotification("reply", directReplyUri);
    }

    @AfterAll
    static void stopNodes() {
        Stream.of(finance, sales, hr).forEach(TestNode::close);
    }

    @Test
    void theEntitledReadWhatIsTheirs() {
        assertEquals(200, bob.statusCode(followersAtSales));
        assertEquals(200, bea.statusCode(directAtSales));
        assertEquals(200, ann.statusCode(departmentPost.getString("id")));
        assertEquals(List.of(directReplyUri), contextDescendants(alice, organizationPost.getString("id")));
        assertInstanceOf(FetchResult.Fetched.class, fetch(sales, "bob", followersPost));
        assertInstanceOf(FetchResult.Fetched.class, fetch(sales, "bea", directPost));
    }

    @Test
    void clientApiStatusAnswers404ToOutsiders() {
        for (String id : List.of(followersPost.getString("id"), directPost.getString("id"))) {
            assertEquals(404, ann.statusCode(id), "ann reading alice's " + id);
            finance.api(ann.token).get("/api/v1/statuses/" + id + "/context").then().statusCode(404);
        }
        assertEquals(404, bea.statusCode(followersAtSales), "bea does not follow alice");
        assertEquals(404, bob.statusCode(directAtSales), "a follower does not read a direct post to someone else");
        sales.api(bob.token).get("/api/v1/statuses/" + directAtSales + "/context").then().statusCode(404);
    }

    @Test
    void contextLeavesOutRepliesTheViewerMayNotRead() {
        assertEquals(List.of(), contextDescendants(ann, organizationPost.getString("id")));
    }

    @Test
    void homeTimelinesShowNothingUnaddressed() {
        List<String> annHome = ann.home().getList("uri");
        assertFalse(annHome.contains(followersPost.getString("uri")));
        assertFalse(annHome.contains(directPost.getString("uri")));
        assertFalse(annHome.contains(directReplyUri));
        assertFalse(bob.home().getList("uri").contains(directPost.getString("uri")));
        assertFalse(bea.home().getList("uri").contains(followersPost.getString("uri")));
        List<String> carolHome = carol.home().getList("uri");
        assertTrue(carolHome.isEmpty(), carolHome.toString());
    }

    @Test
    void notificationsAreOnlyEverTheOwnersOwn() {
        Map<String, Object> beas = bea.awaitNotification("mention", directPost.getString("uri"));
        String notificationId = String.valueOf(beas.get("id"));
        assertTrue(bob.notifications().getList("status.uri").stream().noneMatch(directPost.getString("uri")::equals));
        assertTrue(ann.notifications().getList("").isEmpty());
        sales.api(bob.token).get("/api/v1/notifications/" + notificationId).then().statusCode(404);
        sales.api(bob.token).post("/api/v1/notifications/" + notificationId + "/dismiss").then().statusCode(404);
        sales.api(bea.token).get("/api/v1/notifications/" + notificationId).then().statusCode(200)
                .body("type", equalTo("mention"));
    }

    @Test
    void signedActivityPubGetsOfTheNoteServeOnlyTheEntitled() {
        assertNotServed(fetch(sales, "bea", followersPost), "bea does not follow alice");
        assertNotServed(fetch(hr, "carol", followersPost), "carol does not follow alice");
        assertNotServed(hr.assembly().fetch(URI.create(followersPost.getString("uri"))), "hr's instance actor");
        assertNotServed(fetch(sales, "bob", directPost), "bob is not addressed");
        assertNotServed(fetch(hr, "carol", directPost), "carol is not addressed");
        for (TestNode node : List.of(sales, hr)) {
            String username = node == sales ? "bob" : "carol";
            assertNotServed(fetch(node, username, departmentPost), "department posts never leave finance");
        }
        finance.anonymous().accept("application/activity+json").get(URI.create(organizationPost.getString("uri"))
                .getPath()).then().statusCode(401);
    }

    @Test
    void theOutboxListsOnlyWhatTheSignerMayRead() {
        String outbox = finance.baseUrl() + "/users/alice/outbox";
        List<String> forBob = outboxNotes(sales, "bob", outbox);
        assertTrue(forBob.containsAll(List.of(followersPost.getString("uri"), organizationPost.getString("uri"))),
                forBob.toString());
        assertFalse(forBob.contains(directPost.getString("uri")));
        assertFalse(forBob.contains(departmentPost.getString("uri")));
        assertEquals(List.of(organizationPost.getString("uri")), outboxNotes(hr, "carol", outbox));
        assertEquals(List.of(organizationPost.getString("uri")), outboxNotes(sales, "bea", outbox));
    }

    @Test
    void outsidersCannotEditOrDeleteAndGet404WhenTheyCannotRead() {
        String hidden = followersPost.getString("id");
        finance.api(ann.token).contentType(ContentType.JSON).body(Map.of("status", "x")).put("/api/v1/statuses/" + hidden)
                .then().statusCode(404);
        finance.api(ann.token).delete("/api/v1/statuses/" + directPost.getString("id")).then().statusCode(404);
        finance.api(ann.token).get("/api/v1/statuses/" + departmentPost.getString("id") + "/source").then()
                .statusCode(403);
        finance.api(ann.token).delete("/api/v1/statuses/" + departmentPost.getString("id")).then().statusCode(403);
    }

    @Test
    void aDeletedPostsTombstoneIsServedOnlyToThoseWhoCouldReadIt() {
        JsonPath doomed = alice.post(Map.of("status", "soon gone", "visibility", "private"));
        String atSales = idOf(bob.awaitInHome(doomed.getString("uri")));
        finance.api(alice.token).delete("/api/v1/statuses/" + doomed.getString("id")).then().statusCode(200);
        Eventually.await("the deletion at sales", Api.WAIT, () -> bob.statusCode(atSales) == 404);
        FetchResult forBob = fetch(sales, "bob", doomed);
        assertTrue(assertInstanceOf(FetchResult.Failed.class, forBob).detail().contains("HTTP 410"), forBob.toString());
        FetchResult forCarol = fetch(hr, "carol", doomed);
        assertTrue(assertInstanceOf(FetchResult.Failed.class, forCarol).detail().contains("HTTP 404"),
                forCarol.toString());
    }

    private static List<String> contextDescendants(Api viewer, String id) {
        return viewer.node.api(viewer.token).get("/api/v1/statuses/" + id + "/context").then().statusCode(200)
                .extract().path("descendants.uri");
    }

    private static FetchResult fetch(TestNode node, String username, JsonPath post) {
        return node.assembly().fetchAs(username, URI.create(post.getString("uri")));
    }

    private static void assertNotServed(FetchResult result, String who) {
        FetchResult.Failed failed = assertInstanceOf(FetchResult.Failed.class, result, who);
        assertTrue(failed.detail().contains("HTTP 404"), who + ": " + failed.detail());
    }

    private static List<String> outboxNotes(TestNode node, String username, String outbox) {
        FetchResult result = node.assembly().fetchAs(username, URI.create(outbox));
        JsonObject collection = assertInstanceOf(FetchResult.Fetched.class, result, result::toString).document();
        return collection.getJsonArray("orderedItems").getValuesAs(JsonObject.class).stream()
                .map(create -> create.getJsonObject("object").getString("id")).toList();
    }

    private static String idOf(Map<String, Object> status) {
        return String.valueOf(status.get("id"));
    }
}
