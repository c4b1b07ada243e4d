package org.tributary.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestNode;

/** {@code /oauth/authorize}: what is shown, what is redirected, what is refused, and that it is safe HTML. */
class AuthorizePageTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start("authorize");
        node.addEmployee("alice");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void formIsPlainEscapedHtmlWithoutScriptAndWithStrictHeaders() {
        Response app = node.anonymous().contentType(ContentType.JSON)
                .body("{\"client_name\":\"<script>alert(1)</script>\",\"redirect_uris\":\"https://app.example/cb\","
                        + "\"scopes\":\"read\",\"website\":\"https://app.example/?a=1&b=2\"}")
                .post("/api/v1/apps");
        app.then().statusCode(200);
        Response page = node.anonymous().queryParam("response_type", "code")
                .queryParam("client_id", (String) app.path("client_id"))
                .queryParam("redirect_uri", "https://app.example/cb").queryParam("state", "\"><img src=x>")
                .get("/oauth/authorize");
        page.then().statusCode(200).contentType(ContentType.HTML);
        String html = page.asString();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("value=\"&quot;&gt;&lt;img src=x&gt;\""), html);
        assertTrue(html.contains("https://app.example/?a=1&amp;b=2"), html);
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy.startsWith("default-src 'none'; form-action 'self' https://app.example;"), policy);
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("no-store", page.header("Cache-Control"));
        String cookie = page.header("Set-Cookie");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    }

    @Test
    void unknownClientAndUnregisteredRedirectAreShownNotRedirected() {
        OAuthClient client = OAuthClient.register(node, "read");
        Map<String, String> query = new HashMap<>(client.query("read", null));
        query.put("client_id", "nobody");
        Response unknown = client.authorizePage(query);
        unknown.then().statusCode(400).contentType(ContentType.HTML);
        assertTrue(unknown.asString().contains("<code id=\"error-code\">invalid_client</code>"));

        query.put("client_id", client.clientId);
        query.put("redirect_uri", "https://evil.example/steal");
        Response badRedirect = client.authorizePage(query);
        badRedirect.then().statusCode(400);
        assertTrue(badRedirect.asString().contains("<code id=\"error-code\">redirect_uri_mismatch</code>"));
    }

    @Test
    void wrongScopeIsSentBackToTheClientWithItsState() {
        OAuthClient client = OAuthClient.register(node, "read");
        Response beyond = client.authorizePage(client.query("read write", null));
        beyond.then().statusCode(303);
        assertEquals(OAuthClient.REDIRECT + "?error=invalid_scope&error_description="
                + "the+requested+scopes+exceed+those+the+application+registered&state=xyz", beyond.header("Location"));
        Response unknown = client.authorizePage(client.query("read admin:everything", null));
        assertTrue(unknown.header("Location").startsWith(OAuthClient.REDIRECT + "?error=invalid_scope&"));
        Map<String, String> token = new HashMap<>(client.query("read", null));
        token.put("response_type", "token");
        assertTrue(client.authorizePage(token).header("Location")
                .startsWith(OAuthClient.REDIRECT + "?error=unsupported_response_type&"));
        Map<String, String> plain = new HashMap<>(client.query("read", "a".repeat(43)));
        plain.put("code_challenge_method", "plain");
        assertTrue(client.authorizePage(plain).header("Location")
                .startsWith(OAuthClient.REDIRECT + "?error=invalid_request&"));
    }

    @Test
    void wrongPasswordShowsTheFormAgain() {
        OAuthClient client = OAuthClient.register(node, "read");
        Response response = client.submitLogin(client.query("read", null), "alice", "wrong");
        response.then().statusCode(401).contentType(ContentType.HTML);
        assertTrue(response.asString().contains("The username or password is wrong."));
        assertTrue(response.asString().contains("value=\"alice\""));
    }

    @Test
    void formWithoutTheMatchingCsrfCookieIsRefused() {
        OAuthClient client = OAuthClient.register(node, "read");
        Map<String, String> query = client.query("read", null);
        Response page = client.authorizePage(query);
        String field = page.asString().replaceFirst("(?s).*name=\"csrf_token\" value=\"([^\"]+)\".*", "$1");
        Response noCookie = node.anonymous().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(query).formParam("csrf_token", field).formParam("username", "alice")
                .formParam("password", TestNode.PASSWORD).post("/oauth/authorize");
        noCookie.then().statusCode(403);
        assertTrue(noCookie.asString().contains("<code id=\"error-code\">csrf_failed</code>"));
        Response forged = node.anonymous().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie("tributary_csrf", "a.9999999999.b").formParams(query).formParam("csrf_token", "a.9999999999.b")
                .formParam("username", "alice").formParam("password", TestNode.PASSWORD).post("/oauth/authorize");
        forged.then().statusCode(403);
    }

    @Test
    void denyingSendsAccessDenied() {
        OAuthClient client = OAuthClient.register(node, "read");
        Map<String, String> query = client.query("read", null);
        Response page = client.authorizePage(query);
        String field = page.asString().replaceFirst("(?s).*name=\"csrf_token\" value=\"([^\"]+)\".*", "$1");
        Response denied = node.anonymous().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie("tributary_csrf", page.getCookie("tributary_csrf")).formParams(query)
                .formParam("csrf_token", field).formParam("decision", "deny").post("/oauth/authorize");
        denied.then().statusCode(303);
        assertTrue(denied.header("Location").startsWith(OAuthClient.REDIRECT + "?error=access_denied&"));
    }

    @Test
    void outOfBandShowsTheCodeOnThePage() {
        OAuthClient client = OAuthClient.register(node, "read");
        Map<String, String> query = new HashMap<>(client.query("read", null));
        query.put("redirect_uri", "urn:ietf:wg:oauth:2.0:oob");
        Response shown = client.submitLogin(query, "alice", TestNode.PASSWORD);
        shown.then().statusCode(200);
        String code = shown.asString().replaceFirst("(?s).*<code id=\"code\">([^<]+)</code>.*", "$1");
        node.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code")
                .formParam("client_id", client.clientId).formParam("client_secret", client.clientSecret)
                .formParam("code", code).formParam("redirect_uri", "urn:ietf:wg:oauth:2.0:oob")
                .post("/oauth/token").then().statusCode(200);
    }
}
