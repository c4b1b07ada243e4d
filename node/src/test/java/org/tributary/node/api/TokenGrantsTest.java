package org.tributary.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tributary.node.api.OAuthClient.assertOAuthError;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestNode;

/** App registration, the client credentials and password grants, and revocation. */
class TokenGrantsTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start("grants");
        node.addEmployee("alice");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void registrationAnswersLikeMastodonAndAcceptsEveryEncoding() {
        Response json = node.anonymous().contentType(ContentType.JSON).body("{\"client_name\":\"J\","
                + "\"redirect_uris\":[\"https://a.example/cb\",\"myapp://cb\"],\"scopes\":\"read write:statuses\"}")
                .post("/api/v1/apps");
        json.then().statusCode(200);
        assertEquals(List.of("https://a.example/cb", "myapp://cb"), json.path("redirect_uris"));
        assertEquals("https://a.example/cb\nmyapp://cb", json.path("redirect_uri"));
        assertEquals(List.of("read", "write:statuses"), json.path("scopes"));
        assertNull(json.path("vapid_key"));
        node.anonymous().multiPart("client_name", "M").multiPart("redirect_uris", "urn:ietf:wg:oauth:2.0:oob")
                .post("/api/v1/apps").then().statusCode(200);
    }

    @Test
    void registrationRefusesBadInputWithStableCodes() {
        Response noName = node.anonymous().contentType(ContentType.URLENC).formParam("redirect_uris", "https://a/cb")
                .post("/api/v1/apps");
        noName.then().statusCode(422);
        assertEquals("invalid_client_name", noName.path("code"));
        Response script = node.anonymous().contentType(ContentType.URLENC).formParam("client_name", "x")
                .formParam("redirect_uris", "javascript:alert(1)").post("/api/v1/apps");
        assertEquals("invalid_redirect_uri", script.path("code"));
        Response fragment = node.anonymous().contentType(ContentType.URLENC).formParam("client_name", "x")
                .formParam("redirect_uris", "https://a.example/cb#frag").post("/api/v1/apps");
        assertEquals("invalid_redirect_uri", fragment.path("code"));
        Response scope = node.anonymous().contentType(ContentType.URLENC).formParam("client_name", "x")
                .formParam("redirect_uris", "https://a.example/cb").formParam("scopes", "read admin")
                .post("/api/v1/apps");
        scope.then().statusCode(400);
        assertEquals("invalid_scope", scope.path("code"));
    }

    @Test
    void clientCredentialsGiveAnAppTokenWithoutUser() {
        OAuthClient client = OAuthClient.register(node, "read write");
        Response token = node.anonymous().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", client.clientId)
                .formParam("client_secret", client.clientSecret).formParam("scope", "read").post("/oauth/token");
        token.then().statusCode(200);
        String accessToken = token.path("access_token");
        node.api(accessToken).get("/api/v1/apps/verify_credentials").then().statusCode(200);
        node.api(accessToken).get("/api/v1/accounts/verify_credentials").then().statusCode(401);
        assertOAuthError(node.anonymous().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", client.clientId)
                .formParam("client_secret", client.clientSecret).formParam("scope", "follow").post("/oauth/token"),
                400, "invalid_scope", "invalid_scope");
    }

    @Test
    void passwordGrantStillWorksAndChecksTheClientWhenGiven() {
        String token = node.login("alice");
        assertEquals("alice", node.api(token).get("/api/v1/accounts/verify_credentials").path("username"));
        OAuthClient client = OAuthClient.register(node, "read");
        Response withClient = node.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", client.clientId).formParam("client_secret", client.clientSecret)
                .formParam("username", "alice").formParam("password", TestNode.PASSWORD).post("/oauth/token");
        withClient.then().statusCode(200);
        assertEquals("read", withClient.path("scope"));
        assertOAuthError(node.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", client.clientId).formParam("client_secret", "wrong")
                .formParam("username", "alice").formParam("password", TestNode.PASSWORD).post("/oauth/token"),
                401, "invalid_client", "invalid_client");
        assertOAuthError(node.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", "alice").formParam("password", "wrong").post("/oauth/token"),
                400, "invalid_grant", "invalid_grant");
    }

    @Test
    void revokedTokenNoLongerWorksAndOnlyItsClientMayRevokeIt() {
        OAuthClient client = OAuthClient.register(node, "read");
        OAuthClient other = OAuthClient.register(node, "read");
        String token = node.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", client.clientId).formParam("client_secret", client.clientSecret)
                .formParam("username", "alice").formParam("password", TestNode.PASSWORD).post("/oauth/token")
                .path("access_token");
        assertOAuthError(node.anonymous().contentType(ContentType.URLENC).formParam("client_id", other.clientId)
                .formParam("client_secret", other.clientSecret).formParam("token", token).post("/oauth/revoke"),
                403, "unauthorized_client", "unauthorized_client");
        node.api(token).get("/api/v1/accounts/verify_credentials").then().statusCode(200);
        node.anonymous().contentType(ContentType.URLENC).formParam("client_id", client.clientId)
                .formParam("client_secret", client.clientSecret).formParam("token", token).post("/oauth/revoke")
                .then().statusCode(200);
        node.api(token).get("/api/v1/accounts/verify_credentials").then().statusCode(401);
        // Revoking an unknown token is not an error (RFC 7009 §2.2).
        node.anonymous().contentType(ContentType.URLENC).formParam("client_id", client.clientId)
                .formParam("client_secret", client.clientSecret).formParam("token", "unknown").post("/oauth/revoke")
                .then().statusCode(200);
    }
}
