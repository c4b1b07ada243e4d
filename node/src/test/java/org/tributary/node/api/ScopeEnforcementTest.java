package org.tributary.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestNode;

/** Tokens can do only what their scopes allow; unknown endpoints are a JSON 404. */
class ScopeEnforcementTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start("scopes");
        node.addEmployee("alice");
        node.addEmployee("bob");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String token(String scope) {
        return node.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", "alice").formParam("password", TestNode.PASSWORD).formParam("scope", scope)
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    @Test
    void readOnlyTokenReadsButCannotWrite() {
        String read = token("read");
        node.api(read).get("/api/v1/timelines/home").then().statusCode(200);
        Response post = node.api(read).contentType(ContentType.JSON).body("{\"status\":\"hi\"}").post("/api/v1/statuses");
        post.then().statusCode(403);
        assertEquals("insufficient_scope", post.path("code"));
        long bob = Long.parseLong(node.api(read).queryParam("acct", "bob").get("/api/v1/accounts/lookup").path("id"));
        assertEquals("insufficient_scope", node.api(read).post("/api/v1/accounts/" + bob + "/follow").path("code"));
    }

    @Test
    void subScopesAllowExactlyTheirEndpoints() {
        String statusesOnly = token("write:statuses read:statuses");
        node.api(statusesOnly).contentType(ContentType.JSON).body("{\"status\":\"hi\"}").post("/api/v1/statuses")
                .then().statusCode(200);
        node.api(statusesOnly).get("/api/v1/timelines/home").then().statusCode(200);
        assertEquals("insufficient_scope",
                node.api(statusesOnly).get("/api/v1/accounts/verify_credentials").path("code"));
        String follow = token("follow read:accounts");
        long bob = Long.parseLong(node.api(follow).queryParam("acct", "bob").get("/api/v1/accounts/lookup").path("id"));
        node.api(follow).post("/api/v1/accounts/" + bob + "/follow").then().statusCode(200);
        node.api(token("profile")).get("/api/v1/accounts/verify_credentials").then().statusCode(200);
    }

    @Test
    void unknownEndpointIsJson404() {
        Response missing = node.api(token("read")).get("/api/v1/no_such_thing");
        missing.then().statusCode(404).contentType(ContentType.JSON);
        assertEquals("not_found", missing.path("code"));
        assertEquals("not found", missing.path("error"));
    }
}
