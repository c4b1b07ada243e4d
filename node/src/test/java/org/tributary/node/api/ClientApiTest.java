package org.tributary.node.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;
import org.tributary.node.testing.TestNode;

/** The client API over HTTP on one real node: authentication, errors, posting and paging. */
class ClientApiTest {
    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(next|prev)\"");
    private static TestNode node;
    private static String alice;
    private static String frank;

    @BeforeAll
    static void startNode() {
        node = TestNode.start("api");
        node.addEmployee("alice");
        node.addEmployee("frank");
        node.addEmployee("pagey");
        alice = node.login("alice");
        frank = node.login("frank");
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aMissingOrInvalidTokenIs401WithACode() {
        node.anonymous().get("/api/v1/accounts/verify_credentials").then().statusCode(401)
                .contentType(ContentType.JSON).body("code", equalTo("unauthorized"))
                .body("error", equalTo("a valid access token is required"));
        node.api("not-a-token").get("/api/v1/timelines/home").then().statusCode(401)
                .body("code", equalTo("unauthorized"));
        node.anonymous().header("Authorization", "Basic YWxpY2U6eA==").get("/api/v1/accounts/verify_credentials")
                .then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void aValidTokenIdentifiesTheEmployee() {
        node.api(alice).get("/api/v1/accounts/verify_credentials").then().statusCode(200)
                .body("username", equalTo("alice")).body("acct", equalTo("alice"));
    }

    @Test
    void theTokenEndpointIssuesBearerTokensAndExplainsRefusals() {
        node.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", "alice").formParam("password", TestNode.PASSWORD).formParam("scope", "read")
                .post("/oauth/token").then().statusCode(200).body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("read")).body("access_token", notNullValue())
                .body("created_at", notNullValue());
        node.anonymous().contentType(ContentType.JSON).body(Map.of("grant_type", "password", "username", "alice",
                "password", TestNode.PASSWORD)).post("/oauth/token").then().statusCode(200)
                .body("scope", equalTo("follow read write"));

        node.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "implicit")
                .post("/oauth/token").then().statusCode(400).body("code", equalTo("unsupported_grant_type"));
        node.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(401).body("code", equalTo("invalid_client"));
        node.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", "alice").formParam("password", "wrong password")
                .post("/oauth/token").then().statusCode(400).body("code", equalTo("invalid_grant"));
        node.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", "nobody").formParam("password", TestNode.PASSWORD)
                .post("/oauth/token").then().statusCode(400).body("code", equalTo("invalid_grant"));
    }

    @Test
    void unknownAccountsAre404() {
        node.api(alice).get("/api/v1/accounts/123456789").then().statusCode(404).body("code", equalTo("not_found"));
        node.api(alice).get("/api/v1/accounts/not-a-number").then().statusCode(404)
                .body("code", equalTo("not_found"));
        node.api(alice).queryParam("acct", "nobody").get("/api/v1/accounts/lookup").then().statusCode(404)
                .body("code", equalTo("not_found"));
        node.api(alice).get("/api/v1/accounts/lookup").then().statusCode(400).body("code", equalTo("missing_acct"));
    }

    @Test
    void lookingUpSomeoneOnANodeThatIsNotAllowlistedIsRefused() {
        node.api(alice).queryParam("acct", "bob@sales.invalid").get("/api/v1/accounts/lookup").then()
                .statusCode(403).body("code", equalTo(FederationError.PEER_NOT_ALLOWED.code()));
    }

    @Test
    void followingAColleagueOnTheSameNode() {
        String frankId = node.api(alice).queryParam("acct", "frank").get("/api/v1/accounts/lookup").then()
                .statusCode(200).extract().path("id");
        node.api(alice).post("/api/v1/accounts/" + frankId + "/follow").then().statusCode(200)
                .body("following", equalTo(true)).body("requested", equalTo(false));
        node.api(frank).get("/api/v1/accounts/" + frankId + "/followers").then().statusCode(200)
                .body("username", hasItem("alice"));
    }

    @Test
    void postingValidatesVisibilityAndText() {
        node.api(alice).contentType(ContentType.JSON).body(Map.of("status", "hi", "visibility", "everyone"))
                .post("/api/v1/statuses").then().statusCode(400).body("code", equalTo("invalid_visibility"));
        node.api(alice).contentType(ContentType.JSON).body(Map.of("status", "  ")).post("/api/v1/statuses").then()
                .statusCode(400).body("code", equalTo("empty_status"));
        node.api(alice).contentType(ContentType.JSON).body(Map.of("status", "x".repeat(5001)))
                .post("/api/v1/statuses").then().statusCode(422).body("code", equalTo("status_too_long"));
        node.api(alice).contentType(ContentType.URLENC).formParam("status", "from a form")
                .formParam("visibility", "local").post("/api/v1/statuses").then().statusCode(200)
                .body("visibility", equalTo("local")).body("content", equalTo("<p>from a form</p>"));
        node.anonymous().contentType(ContentType.JSON).body(Map.of("status", "who am I"))
                .post("/api/v1/statuses").then().statusCode(401);
    }

    @Test
    void aPostIsReadableOnlyByThoseAllowedToSeeIt() {
        String department = node.api(alice).contentType(ContentType.JSON)
                .body(Map.of("status", "finance only", "visibility", "local")).post("/api/v1/statuses").then()
                .statusCode(200).extract().path("id");
        String direct = node.api(alice).contentType(ContentType.JSON)
                .body(Map.of("status", "just me", "visibility", "direct")).post("/api/v1/statuses").then()
                .statusCode(200).extract().path("id");

        node.api(frank).get("/api/v1/statuses/" + department).then().statusCode(200)
                .body("content", equalTo("<p>finance only</p>"));
        node.api(frank).get("/api/v1/statuses/" + direct).then().statusCode(404).body("code", equalTo("not_found"));
        node.api(alice).get("/api/v1/statuses/" + direct).then().statusCode(200);
    }

    @Test
    void theHomeTimelineIsPagedWithLinkHeaders() {
        String pagey = node.login("pagey");
        node.api(pagey).get("/api/v1/timelines/home").then().statusCode(200).header("Link", nullValue());
        for (int i = 1; i <= 5; i++) {
            node.api(pagey).contentType(ContentType.JSON).body(Map.of("status", "post " + i))
                    .post("/api/v1/statuses").then().statusCode(200);
        }

        Response first = node.api(pagey).queryParam("limit", 2).get("/api/v1/timelines/home");
        first.then().statusCode(200);
        assertEquals(List.of("<p>post 5</p>", "<p>post 4</p>"), first.jsonPath().getList("content"));
        List<String> firstIds = first.jsonPath().getList("id");
        Map<String, String> links = links(first.header("Link"));
        assertTrue(links.get("next").contains("max_id=" + firstIds.get(1)), links::toString);
        assertTrue(links.get("next").contains("limit=2"), links::toString);
        assertTrue(links.get("prev").contains("min_id=" + firstIds.get(0)), links::toString);

        Response second = node.api(pagey).get(links.get("next"));
        assertEquals(List.of("<p>post 3</p>", "<p>post 2</p>"), second.jsonPath().getList("content"));
        Response third = node.api(pagey).get(links(second.header("Link")).get("next"));
        assertEquals(List.of("<p>post 1</p>"), third.jsonPath().getList("content"));
        Response fourth = node.api(pagey).get(links(third.header("Link")).get("next"));
        assertEquals(List.of(), fourth.jsonPath().getList("content"));
        assertEquals(null, fourth.header("Link"));

        Response newer = node.api(pagey).get(links(second.header("Link")).get("prev"));
        assertEquals(List.of("<p>post 5</p>", "<p>post 4</p>"), newer.jsonPath().getList("content"));
    }

    @Test
    void unknownPathsAndMethodsGetTheSameErrorBody() {
        node.anonymous().get("/api/v1/nothing-here").then().statusCode(404).contentType(ContentType.JSON)
                .body("code", equalTo("not_found"));
        node.anonymous().delete("/oauth/token").then().statusCode(405).body("code", equalTo("method_not_allowed"));
    }

    @Test
    void theInstanceDocumentDescribesTheNode() {
        node.anonymous().get("/api/v1/instance").then().statusCode(200).body("uri", equalTo(node.authority()))
                .body("title", equalTo("Tributary · api")).body("registrations", equalTo(false))
                .body("configuration.statuses.max_characters", equalTo(5000))
                .body("stats.user_count", equalTo(3));
    }

    private static Map<String, String> links(String header) {
        assertTrue(header != null, "a Link header");
        Map<String, String> links = new java.util.HashMap<>();
        Matcher matcher = LINK.matcher(header);
        while (matcher.find()) {
            links.put(matcher.group(2), matcher.group(1));
        }
        return links;
    }
}
