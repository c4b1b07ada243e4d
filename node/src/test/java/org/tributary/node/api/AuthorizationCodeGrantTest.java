package org.tributary.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tributary.node.api.OAuthClient.VERIFIER;
import static org.tributary.node.api.OAuthClient.assertOAuthError;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.oauth.Pkce;
import org.tributary.node.testing.TestNode;

/** The authorization code grant with PKCE, and each way an exchange is refused, with its stable code. */
class AuthorizationCodeGrantTest {
    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start("codes", CLOCK);
        node.addEmployee("alice");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void codeWithPkceBecomesAUserTokenWithTheGrantedScopes() {
        OAuthClient client = OAuthClient.register(node, "read write");
        String code = client.code("alice", "read write:statuses", Pkce.challengeOf(VERIFIER));
        Response token = client.exchange(code, VERIFIER);
        token.then().statusCode(200);
        assertEquals("read write:statuses", token.path("scope"));
        assertEquals("Bearer", token.path("token_type"));
        assertEquals("no-store", token.header("Cache-Control"));
        String accessToken = token.path("access_token");
        node.api(accessToken).get("/api/v1/accounts/verify_credentials").then().statusCode(200);
        assertEquals("Test app", node.api(accessToken).get("/api/v1/apps/verify_credentials").path("name"));
    }

    @Test
    void codeWorksOnlyOnce() {
        OAuthClient client = OAuthClient.register(node, "read");
        String code = client.code("alice", "read", Pkce.challengeOf(VERIFIER));
        client.exchange(code, VERIFIER).then().statusCode(200);
        assertOAuthError(client.exchange(code, VERIFIER), 400, "invalid_grant", "code_already_used");
    }

    @Test
    void wrongOrMissingVerifierIsRefused() {
        OAuthClient client = OAuthClient.register(node, "read");
        String code = client.code("alice", "read", Pkce.challengeOf(VERIFIER));
        String otherVerifier = VERIFIER.replace('d', 'e');
        assertOAuthError(client.exchange(code, otherVerifier), 400, "invalid_grant", "pkce_verification_failed");
        assertOAuthError(client.exchange(code, null), 400, "invalid_grant", "pkce_verification_failed");
        // A failed proof does not burn the code for its rightful holder.
        client.exchange(code, VERIFIER).then().statusCode(200);
    }

    @Test
    void verifierForACodeIssuedWithoutChallengeIsRefused() {
        OAuthClient client = OAuthClient.register(node, "read");
        String code = client.code("alice", "read", null);
        assertOAuthError(client.exchange(code, VERIFIER), 400, "invalid_grant", "pkce_verification_failed");
        client.exchange(code, null).then().statusCode(200);
    }

    @Test
    void expiredCodeIsRefused() {
        OAuthClient client = OAuthClient.register(node, "read");
        String code = client.code("alice", "read", Pkce.challengeOf(VERIFIER));
        CLOCK.advance(Duration.ofMinutes(10));
        assertOAuthError(client.exchange(code, VERIFIER), 400, "invalid_grant", "code_expired");
    }

    @Test
    void codeIsBoundToItsClientAndRedirectUri() {
        OAuthClient client = OAuthClient.register(node, "read");
        OAuthClient other = OAuthClient.register(node, "read");
        String code = client.code("alice", "read", Pkce.challengeOf(VERIFIER));
        assertOAuthError(other.exchange(code, VERIFIER), 400, "invalid_grant", "invalid_grant");
        Response wrongRedirect = node.anonymous().contentType(ContentType.URLENC)
                .formParam("grant_type", "authorization_code").formParam("client_id", client.clientId)
                .formParam("client_secret", client.clientSecret).formParam("code", code)
                .formParam("code_verifier", VERIFIER).formParam("redirect_uri", "urn:ietf:wg:oauth:2.0:oob")
                .post("/oauth/token");
        assertOAuthError(wrongRedirect, 400, "invalid_grant", "redirect_uri_mismatch");
        client.exchange(code, VERIFIER).then().statusCode(200);
    }

    @Test
    void badClientCredentialsAreRefused() {
        OAuthClient client = OAuthClient.register(node, "read");
        String code = client.code("alice", "read", null);
        Response wrongSecret = node.anonymous().contentType(ContentType.URLENC)
                .formParam("grant_type", "authorization_code").formParam("client_id", client.clientId)
                .formParam("client_secret", "not-the-secret").formParam("code", code)
                .formParam("redirect_uri", OAuthClient.REDIRECT).post("/oauth/token");
        assertOAuthError(wrongSecret, 401, "invalid_client", "invalid_client");
        Response unknownClient = node.anonymous().contentType(ContentType.URLENC)
                .formParam("grant_type", "authorization_code").formParam("client_id", "nobody")
                .formParam("client_secret", "x").formParam("code", code)
                .formParam("redirect_uri", OAuthClient.REDIRECT).post("/oauth/token");
        assertOAuthError(unknownClient, 401, "invalid_client", "invalid_client");
    }

    @Test
    void unknownCodeAndMissingParametersAreRefused() {
        OAuthClient client = OAuthClient.register(node, "read");
        assertOAuthError(client.exchange("made-up", null), 400, "invalid_grant", "invalid_grant");
        assertOAuthError(node.anonymous().contentType(ContentType.URLENC).formParam("client_id", client.clientId)
                .post("/oauth/token"), 400, "invalid_request", "invalid_request");
        assertOAuthError(node.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "implicit")
                .post("/oauth/token"), 400, "unsupported_grant_type", "unsupported_grant_type");
    }

    @Test
    void httpBasicClientAuthenticationAndJsonBodiesWork() {
        OAuthClient client = OAuthClient.register(node, "read");
        String code = client.code("alice", "read", Pkce.challengeOf(VERIFIER));
        node.anonymous().auth().preemptive().basic(client.clientId, client.clientSecret).contentType(ContentType.JSON)
                .body("{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\",\"redirect_uri\":\""
                        + OAuthClient.REDIRECT + "\",\"code_verifier\":\"" + VERIFIER + "\"}")
                .post("/oauth/token").then().statusCode(200);
    }
}
