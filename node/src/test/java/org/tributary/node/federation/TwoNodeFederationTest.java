package org.tributary.node.federation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Two real department nodes on loopback (Jetty, Derby, real signatures): alice@finance follows
 * bob@sales, bob posts, the post reaches alice's home timeline, bob's followers collection lists
 * alice, and Undo removes her.
 */
class TwoNodeFederationTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static TestNode finance;
    private static TestNode sales;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        finance.allow(sales);
        sales.allow(finance);
        finance.addEmployee("alice");
        sales.addEmployee("bob");
    }

    @AfterAll
    static void stopNodes() {
        finance.close();
        sales.close();
    }

    @Test
    void followPostTimelineAndUndoAcrossNodes() {
        String alice = finance.login("alice");
        String bob = sales.login("bob");

        String bobId = finance.api(alice).queryParam("acct", "bob@" + sales.authority())
                .get("/api/v1/accounts/lookup").then().log().ifValidationFails().statusCode(200)
                .body("acct", equalTo("bob@" + sales.authority())).extract().path("id");

        finance.api(alice).post("/api/v1/accounts/" + bobId + "/follow").then().statusCode(200)
                .body("requested", equalTo(true));
        Eventually.await("bob@sales to accept alice's follow", WAIT, () -> finance.api(alice)
                .queryParam("id[]", bobId).get("/api/v1/accounts/relationships").then().statusCode(200)
                .extract().<Boolean>path("[0].following"));
        assertEquals(List.of(finance.actorUri("alice").toString()), followersOfBob());

        sales.api(bob).contentType(ContentType.JSON)
                .body(Map.of("status", "Q3 numbers are in <script>x</script>", "visibility", "public"))
                .post("/api/v1/statuses").then().statusCode(200).body("visibility", equalTo("public"));
        String content = Eventually.await("bob's post in alice's home timeline", WAIT,
                () -> finance.api(alice).get("/api/v1/timelines/home").then().statusCode(200)
                        .extract().<List<String>>path("content"), contents -> !contents.isEmpty()).get(0);
        assertEquals("<p>Q3 numbers are in &lt;script&gt;x&lt;/script&gt;</p>", content);
        finance.api(alice).get("/api/v1/timelines/home").then()
                .body("[0].account.acct", equalTo("bob@" + sales.authority()));

        finance.api(alice).post("/api/v1/accounts/" + bobId + "/unfollow").then().statusCode(200)
                .body("following", equalTo(false));
        Eventually.await("Undo(Follow) to remove alice from bob's followers", WAIT,
                () -> followersOfBob().isEmpty());
    }

    @Test
    void followersCollectionNeedsASignedRequest() {
        sales.anonymous().accept("application/activity+json").get("/users/bob/followers").then()
                .statusCode(401).body("code", equalTo("signature_missing"));
        sales.anonymous().get("/actor").then().statusCode(200)
                .body("type", equalTo("Application"));
        sales.anonymous().get("/.well-known/webfinger?resource=acct:bob@" + sales.authority()).then()
                .statusCode(200).body("links.href", hasItem(sales.actorUri("bob").toString()));
    }

    /** Bob's followers collection, fetched from sales with a signed GET by finance's instance actor. */
    private static List<String> followersOfBob() {
        FetchResult result = finance.assembly().fetch(URI.create(sales.baseUrl() + "/users/bob/followers"));
        JsonObject collection = assertInstanceOf(FetchResult.Fetched.class, result).document();
        assertTrue(collection.containsKey("orderedItems"), collection::toString);
        return collection.getJsonArray("orderedItems").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }
}
