package org.tributary.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tributary.node.testing.TestNode;

/** Plays a client app against a test node: register, walk the login form, exchange codes. */
final class OAuthClient {
    static final String REDIRECT = "https://app.example/callback";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    final TestNode node;
    final String clientId;
    final String clientSecret;

    private OAuthClient(TestNode node, String clientId, String clientSecret) {
        this.node = node;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    static OAuthClient register(TestNode node, String scopes) {
        Response response = node.anonymous().contentType(ContentType.URLENC).formParam("client_name", "Test app")
                .formParam("redirect_uris", REDIRECT + " urn:ietf:wg:oauth:2.0:oob").formParam("scopes", scopes)
                .post("/api/v1/apps");
        response.then().statusCode(200);
        return new OAuthClient(node, response.path("client_id"), response.path("client_secret"));
    }

    /** GETs the authorization page for these parameters and returns it. */
    Response authorizePage(Map<String, String> query) {
        return node.anonymous().redirects().follow(false).queryParams(query).get("/oauth/authorize");
    }

    Map<String, String> query(String scope, String challenge) {
        return challenge == null
                ? Map.of("response_type", "code", "client_id", clientId, "redirect_uri", REDIRECT, "scope", scope,
                        "state", "xyz")
                : Map.of("response_type", "code", "client_id", clientId, "redirect_uri", REDIRECT, "scope", scope,
                        "state", "xyz", "code_challenge", challenge, "code_challenge_method", "S256");
    }

    /** Logs in through the form; returns the POST's response (a redirect on success). */
    Response submitLogin(Map<String, String> query, String username, String password) {
        Response page = authorizePage(query);
        page.then().statusCode(200);
        Matcher csrf = CSRF.matcher(page.asString());
        assertTrue(csrf.find(), "the form carries a CSRF token");
        return node.anonymous().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie("tributary_csrf", page.getCookie("tributary_csrf")).formParams(query)
                .formParam("csrf_token", csrf.group(1)).formParam("username", username)
                .formParam("password", password).formParam("decision", "approve").post("/oauth/authorize");
    }

    /** The full dance up to the code; asserts the redirect carries the state back. */
    String code(String username, String scope, String challenge) {
        Response response = submitLogin(query(scope, challenge), username, TestNode.PASSWORD);
        response.then().statusCode(303);
        URI location = URI.create(response.header("Location"));
        assertTrue(location.toString().startsWith(REDIRECT + "?code="), location.toString());
        assertTrue(location.getQuery().endsWith("&state=xyz"), location.toString());
        return location.getQuery().replaceFirst("^code=([^&]+)&.*$", "$1");
    }

    Response exchange(String code, String verifier) {
        var request = node.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code")
                .formParam("client_id", clientId).formParam("client_secret", clientSecret).formParam("code", code)
                .formParam("redirect_uri", REDIRECT);
        if (verifier != null) {
            request.formParam("code_verifier", verifier);
        }
        return request.post("/oauth/token");
    }

    static void assertOAuthError(Response response, int status, String error, String code) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(error, response.path("error"), response.asString());
        assertEquals(code, response.path("code"), response.asString());
    }
}
