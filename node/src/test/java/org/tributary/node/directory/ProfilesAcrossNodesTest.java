package org.tributary.node.directory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
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
 * Profiles on three real nodes (finance: alice, amy; sales: bob; hr: carol): editing through
 * update_credentials in Mastodon's and our own shape, the actor document peers fetch, and
 * Update(Person) refreshing the copies on the node of a follower and on a node that only looked her up.
 */
class ProfilesAcrossNodesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestNode finance;
    private static TestNode sales;
    private static TestNode hr;
    private static String alice;
    private static String amy;
    private static String bob;
    private static String carol;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        hr = TestNode.start("hr");
        finance.allow(sales, hr);
        sales.allow(finance, hr);
        hr.allow(finance, sales);
        Stream.of("alice", "amy").forEach(finance::addEmployee);
        sales.addEmployee("bob");
        hr.addEmployee("carol");
        alice = finance.login("alice");
        amy = finance.login("amy");
        bob = sales.login("bob");
        carol = hr.login("carol");
    }

    @AfterAll
    static void stopNodes() {
        Stream.of(finance, sales, hr).forEach(TestNode::close);
    }

    @Test
    void mastodonFieldsAndOurParametersBothSetTheProfile() {
        JsonPath json = finance.api(amy).contentType(ContentType.URLENC)
                .formParam("fields_attributes[0][name]", "Title").formParam("fields_attributes[0][value]", "Analyst")
                .formParam("fields_attributes[1][name]", "Location").formParam("fields_attributes[1][value]", "Oslo")
                .formParam("fields_attributes[2][name]", "").formParam("fields_attributes[2][value]", "")
                .formParam("department", "Controlling")
                .patch("/api/v1/accounts/update_credentials").then().statusCode(200).extract().jsonPath();
        assertEquals("Analyst", json.getString("tributary.title"));
        assertEquals("Oslo", json.getString("tributary.location"));
        assertEquals("Controlling", json.getString("tributary.department"));
        assertEquals(List.of("Title", "Location", "Department"), json.getList("fields.name"));
        assertEquals(List.of("Analyst", "Oslo", "Controlling"), json.getList("fields.value"));

        JsonPath again = finance.api(amy).contentType(ContentType.JSON)
                .body(Map.of("fields_attributes", List.of(Map.of("name", "title", "value", "Senior <Analyst>"))))
                .patch("/api/v1/accounts/update_credentials").then().statusCode(200).extract().jsonPath();
        assertEquals("Senior <Analyst>", again.getString("tributary.title"));
        assertEquals("Senior &lt;Analyst&gt;", again.getString("fields[0].value"), "field values are HTML");
        assertEquals("Oslo", again.getString("tributary.location"), "what is not sent stays");

        finance.api(amy).get("/api/v1/accounts/verify_credentials").then().statusCode(200);
        assertEquals("Senior <Analyst>", finance.api(amy).get("/api/v1/accounts/verify_credentials").jsonPath()
                .getString("tributary.title"));
    }

    @Test
    void unknownFieldsBadAvatarsAndOverlongValuesAreRefused() {
        finance.api(amy).contentType(ContentType.URLENC).formParam("fields_attributes[0][name]", "Pronouns")
                .formParam("fields_attributes[0][value]", "she/her").patch("/api/v1/accounts/update_credentials")
                .then().statusCode(422).body("code", org.hamcrest.Matchers.equalTo("unsupported_field"));
        finance.api(amy).contentType(ContentType.URLENC).formParam("avatar", "javascript:alert(1)")
                .patch("/api/v1/accounts/update_credentials").then().statusCode(422)
                .body("code", org.hamcrest.Matchers.equalTo("invalid_avatar"));
        finance.api(amy).contentType(ContentType.URLENC).formParam("title", "x".repeat(256))
                .patch("/api/v1/accounts/update_credentials").then().statusCode(422)
                .body("code", org.hamcrest.Matchers.equalTo("field_too_long"));
    }

    @Test
    void theActorDocumentCarriesTheProfileAndPeersFollowItsUpdates() {
        // bob follows alice; carol only looked her up (and alice looked carol up, so finance knows hr).
        String aliceOnSales = sales.api(bob).queryParam("acct", "alice@" + finance.authority())
                .get("/api/v1/accounts/lookup").then().statusCode(200).extract().path("id");
        sales.api(bob).post("/api/v1/accounts/" + aliceOnSales + "/follow").then().statusCode(200);
        hr.api(carol).queryParam("acct", "alice@" + finance.authority()).get("/api/v1/accounts/lookup").then()
                .statusCode(200);
        finance.api(alice).queryParam("acct", "carol@" + hr.authority()).get("/api/v1/accounts/lookup").then()
                .statusCode(200);
        Eventually.await("bob follows alice", WAIT, () -> "true".equals(String.valueOf(sales.api(bob)
                .get("/api/v1/accounts/relationships?id[]=" + aliceOnSales).jsonPath().getString("[0].following"))));

        finance.api(alice).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("display_name", "Alice A.")
                .formParam("title", "Treasurer").formParam("location", "Zürich").formParam("department", "Treasury")
                .formParam("avatar", "https://cdn.example/alice.png")
                .patch("/api/v1/accounts/update_credentials").then().statusCode(200)
                .body("avatar", org.hamcrest.Matchers.equalTo("https://cdn.example/alice.png"));

        FetchResult fetched = sales.assembly().fetch(finance.actorUri("alice"));
        JsonObject actor = assertInstanceOf(FetchResult.Fetched.class, fetched).document();
        assertEquals("Image", actor.getJsonObject("icon").getString("type"));
        assertEquals("https://cdn.example/alice.png", actor.getJsonObject("icon").getString("url"));
        assertEquals("Treasury", actor.getString("department"));
        List<String> names = actor.getJsonArray("attachment").getValuesAs(JsonObject.class).stream()
                .map(field -> field.getString("type") + ":" + field.getString("name") + "=" + field.getString("value"))
                .toList();
        assertEquals(List.of("PropertyValue:Title=Treasurer", "PropertyValue:Location=Zürich",
                "PropertyValue:Department=Treasury"), names);

        for (TestNode node : List.of(sales, hr)) {
            String token = node == sales ? bob : carol;
            Eventually.await("the copy of alice on " + node.authority() + " is refreshed", WAIT, () -> {
                JsonPath copy = node.api(token).queryParam("acct", "alice@" + finance.authority())
                        .get("/api/v1/accounts/lookup").jsonPath();
                return "Treasurer".equals(copy.getString("tributary.title"))
                        && "Treasury".equals(copy.getString("tributary.department"))
                        && "Alice A.".equals(copy.getString("display_name"))
                        && "https://cdn.example/alice.png".equals(copy.getString("avatar"));
            });
        }
    }

    @Test
    void removingTheAvatarTakesTheIconOffTheActor() {
        finance.api(amy).contentType(ContentType.URLENC).formParam("avatar", "https://cdn.example/amy.png")
                .patch("/api/v1/accounts/update_credentials").then().statusCode(200);
        finance.api(amy).contentType(ContentType.URLENC).formParam("avatar", "")
                .patch("/api/v1/accounts/update_credentials").then().statusCode(200)
                .body("avatar", org.hamcrest.Matchers.equalTo(""));
        JsonObject actor = ((FetchResult.Fetched) sales.assembly().fetch(finance.actorUri("amy"))).document();
        assertFalse(actor.containsKey("icon"));
    }

    @Test
    void anUploadedAvatarIsStoredAsMediaAndVisibleToColleaguesAndPeers() {
        byte[] png = org.tributary.node.media.TestFiles.png(4, 4);
        String avatar = finance.api(amy).multiPart("avatar", "me.png", png, "image/png")
                .multiPart("title", "Analyst").patch("/api/v1/accounts/update_credentials").then().statusCode(200)
                .extract().path("avatar");
        assertTrue(avatar.startsWith(finance.baseUrl().toString()), avatar);
        byte[] served = finance.api(alice).get(URI.create(avatar).getPath()).then().statusCode(200).extract()
                .asByteArray();
        assertArrayEquals(png, served, "another employee sees the picture");
        FetchResult fetched = sales.assembly().fetch(finance.actorUri("amy"));
        JsonObject actor = assertInstanceOf(FetchResult.Fetched.class, fetched).document();
        assertEquals(avatar, actor.getJsonObject("icon").getString("url"));
    }
}
