package org.tributary.node.activitypub;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
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
}
