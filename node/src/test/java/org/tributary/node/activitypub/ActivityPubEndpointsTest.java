package org.tributary.node.activitypub;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestNode;

/** The discovery documents and the guards of the ActivityPub endpoints, over HTTP on one real node. */
class ActivityPubEndpointsTest {
    private static TestNode node;

    @BeforeAll
    static void startNode() {
        node = TestNode.start("ap");
        node.addEmployee("alice");
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void webFingerFindsAnEmployeeByAcctOrActorUrl() {
        String acct = "acct:alice@" + node.authority();
        node.anonymous().queryParam("resource", acct).get("/.well-known/webfinger").then().statusCode(200)
                .contentType("application/jrd+json").body("subject", equalTo(acct))
                .body("links.find { it.rel == 'self' }.href", equalTo(node.actorUri("alice").toString()))
                .body("links.find { it.rel == 'self' }.type", equalTo("application/activity+json"));
        node.anonymous().queryParam("resource", node.actorUri("alice").toString()).get("/.well-known/webfinger")
                .then().statusCode(200).body("subject", equalTo(acct));
    }

    @Test
    void webFingerRefusesWhatItCannotAnswer() {
        node.anonymous().get("/.well-known/webfinger").then().statusCode(400)
                .body("code", equalTo("invalid_resource"));
        node.anonymous().queryParam("resource", "alice").get("/.well-known/webfinger").then().statusCode(400)
                .body("code", equalTo("invalid_resource"));
        node.anonymous().queryParam("resource", "acct:nobody@" + node.authority()).get("/.well-known/webfinger")
                .then().statusCode(404).body("code", equalTo("not_found"));
        node.anonymous().queryParam("resource", "acct:alice@sales.example").get("/.well-known/webfinger")
                .then().statusCode(404).body("code", equalTo("not_found"));
        node.anonymous().queryParam("resource", "acct:_instance@" + node.authority()).get("/.well-known/webfinger")
                .then().statusCode(404);
        node.anonymous().queryParam("resource", node.baseUrl() + "/somewhere/alice").get("/.well-known/webfinger")
                .then().statusCode(404);
    }

    @Test
    void nodeInfoDescribesTheSoftwareAndDepartment() {
        node.anonymous().get("/.well-known/nodeinfo").then().statusCode(200)
                .body("links[0].rel", equalTo("http://nodeinfo.diaspora.software/ns/schema/2.1"))
                .body("links[0].href", equalTo(node.baseUrl() + "/nodeinfo/2.1"));
        node.anonymous().get("/nodeinfo/2.1").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("version", equalTo("2.1")).body("software.name", equalTo("tributary"))
                .body("protocols", hasItem("activitypub")).body("usage.users.total", equalTo(1))
                .body("openRegistrations", equalTo(false))
                .body("metadata.department", equalTo("ap"));
    }

    @Test
    void ourJsonLdContextIsServed() {
        node.anonymous().get("/ns/tributary").then().statusCode(200).contentType("application/ld+json")
                .header("Cache-Control", "public, max-age=86400")
                .body("'@context'", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theInstanceActorIsServedUnsigned() {
        node.anonymous().get("/actor").then().statusCode(200).body("type", equalTo("Application"))
                .body("id", equalTo(node.baseUrl() + "/actor"))
                .body("publicKey.id", equalTo(node.baseUrl() + "/actor#main-key"));
    }

    @Test
    void everythingElseNeedsASignature() {
        node.anonymous().accept("application/activity+json").get("/users/alice").then().statusCode(401)
                .body("code", equalTo("signature_missing"));
        node.anonymous().accept("application/activity+json").get("/users/alice/following").then().statusCode(401)
                .body("code", equalTo("signature_missing"));
        node.anonymous().header("Signature", "keyId=\"x\"").accept("application/activity+json")
                .get("/users/alice").then().statusCode(401);
    }

    @Test
    void inboxesCheckContentTypeBeforeAnythingElse() {
        node.anonymous().contentType(ContentType.TEXT).body("hello").post("/inbox").then().statusCode(415)
                .body("code", equalTo("unsupported_content_type"));
        node.anonymous().contentType(ContentType.TEXT).body("hello").post("/users/alice/inbox").then()
                .statusCode(415).body("code", equalTo("unsupported_content_type"));
        node.anonymous().contentType("application/activity+json").body("{}").post("/users/nobody/inbox").then()
                .statusCode(404).body("code", equalTo("not_found"));
        node.anonymous().contentType("application/activity+json")
                .body("{\"id\":\"https://x.example/1\",\"type\":\"Like\",\"actor\":\"https://x.example/u\"}")
                .post("/inbox").then().statusCode(401).body("code", equalTo("signature_missing"));
    }

    @Test
    void inboxesTakeOnlyPostAndDecodeTheUsernameAsTheirPathSaysIt() {
        node.anonymous().get("/inbox").then().statusCode(405).header("Allow", "POST")
                .contentType(ContentType.JSON).body("code", equalTo("method_not_allowed"));
        node.anonymous().get("/users/alice/inbox").then().statusCode(405).body("code", equalTo("method_not_allowed"));
        // %69 is "i": alice's inbox, which checks the content type; an unknown name is not found.
        node.anonymous().urlEncodingEnabled(false).contentType(ContentType.TEXT).body("hello")
                .post("/users/al%69ce/inbox").then()
                .statusCode(415).contentType(ContentType.JSON).body("code", equalTo("unsupported_content_type"));
        node.anonymous().urlEncodingEnabled(false).contentType("application/activity+json").body("{}")
                .post("/users/al%2Fice/inbox").then().statusCode(400);
        // Only the three inbox paths are inboxes: the rest goes to the application, which knows no such page.
        node.anonymous().contentType("application/activity+json").body("{}").post("/users/alice/inbox/more").then()
                .statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void inboxesAnswerWhatTheHttpClientLibrariesWouldNotSend() throws IOException {
        String json = "Content-Type: application/activity+json\r\nContent-Length: 2\r\n\r\n{}";
        // A query that is not a valid URI: the signed target cannot be formed.
        assertThat(rawRequest("POST /inbox?q=a|b HTTP/1.1\r\n" + json), startsWith("HTTP/1.1 400 "));
        assertThat(rawRequest("POST /inbox?q=a|b HTTP/1.1\r\n" + json), containsString("\"code\":\"bad_request\""));
        // Two Content-Type fields are refused as the list they form, whichever a proxy in front would read.
        assertThat(rawRequest("POST /inbox HTTP/1.1\r\nContent-Type: text/plain\r\n" + json),
                containsString("\"code\":\"unsupported_content_type\""));
        // Methods are case-sensitive: "post" is not POST.
        assertThat(rawRequest("post /inbox HTTP/1.1\r\n" + json), startsWith("HTTP/1.1 405 "));
        // CONNECT names no path (Jetty may give none): it is not an inbox request, and it is no error of ours.
        assertThat(rawRequest("CONNECT sales.example:443 HTTP/1.1\r\n\r\n"), startsWith("HTTP/1.1 4"));
        // One trailing slash still reaches the inbox.
        assertThat(rawRequest("POST /users/alice/inbox/ HTTP/1.1\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 2\r\n\r\nhi"), containsString("\"code\":\"unsupported_content_type\""));
    }

    /** Sends one request, as written, on a new connection, and returns the answer's head and its sized body. */
    private static String rawRequest(String requestLineAndRest) throws IOException {
        int split = requestLineAndRest.indexOf("\r\n") + 2;
        String request = requestLineAndRest.substring(0, split) + "Host: " + node.authority() + "\r\n"
                + requestLineAndRest.substring(split);
        try (Socket socket = new Socket(node.baseUrl().getHost(), node.baseUrl().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.append((char) next);
            }
            Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
            int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
            return head + new String(in.readNBytes(bodyLength), StandardCharsets.ISO_8859_1);
        }
    }
}
