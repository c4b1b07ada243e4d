package org.tributary.spec.interop;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.account.Role;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Interoperability with an independent ActivityPub implementation (Fedify, started by the test):
 * it finds a Tributary employee by WebFinger, follows her, receives her signed post and verifies it
 * itself, and its own signed reply is accepted by the node and reaches her home timeline. Fedify cannot
 * verify the node's RFC 9421 Ed25519 signature; it refuses the first one, and the node falls back to
 * draft-cavage RSA for good ({@link FedifyPeer#unexpectedRefusals}).
 */
class FedifyInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestNode finance;
    private static FedifyPeer fedify;

    @BeforeAll
    static void start() {
        finance = TestNode.start("finance");
        finance.addEmployee("alice");
        finance.assembly().accounts().createEmployee("auditor", TestNode.PASSWORD, null, Role.AUDITOR);
        fedify = FedifyPeer.start();
        finance.assembly().peers().add(fedify.baseUri().getAuthority(), "independent implementation");
    }

    @AfterAll
    static void stop() {
        if (fedify != null) {
            fedify.close();
        }
        if (finance != null) {
            finance.close();
        }
    }

    @Test
    void fedifyFollowsReceivesSignedPostAndRepliesAcceptedByTheNode() {
        URI alice = finance.actorUri("alice");

        ActorLookup found = fedify.lookup("alice@" + finance.authority());
        assertEquals(alice, found.id());
        assertEquals(URI.create(finance.baseUrl() + "/inbox"), found.sharedInbox().orElseThrow());

        fedify.follow(alice);
        fedify.awaitFollowAccepted(alice, WAIT);

        // Alice follows the Fedify actor back, so its reply lands in her home timeline.
        String token = finance.login("alice");
        String peerId = finance.api(token).queryParam("acct", fedify.handle()).get("/api/v1/accounts/lookup")
                .then().statusCode(200).extract().path("id");
        finance.api(token).post("/api/v1/accounts/" + peerId + "/follow").then().statusCode(200);
        Eventually.await("Fedify to accept alice's follow", WAIT, () -> finance.api(token)
                .queryParam("id[]", peerId).get("/api/v1/accounts/relationships").then().statusCode(200)
                .extract().<Boolean>path("[0].following"));

        String noteUri = finance.api(token).contentType(ContentType.JSON)
                .body(Map.of("status", "Budget review on Friday", "visibility", "public"))
                .post("/api/v1/statuses").then().statusCode(200).extract().path("uri");
        ReceivedActivity create = fedify.awaitReceived(
                activity -> activity.type().equals("Create") && activity.actor().equals(alice), WAIT);
        assertTrue(create.json().toString().contains("Budget review on Friday"), create.json()::toString);
        assertTrue(fedify.unexpectedRefusals().isEmpty(), () -> "Fedify rejected: " + fedify.rejected());
        assertFellBackToCavageRsaOnce();

        fedify.reply(URI.create(noteUri), alice, "Count me in", true);
        List<String> contents = Eventually.await("the Fedify reply in alice's home timeline", WAIT,
                () -> finance.api(token).get("/api/v1/timelines/home").then().statusCode(200)
                        .extract().<List<String>>path("content"),
                list -> list.stream().anyMatch(content -> content.contains("Count me in")));
        assertTrue(contents.stream().anyMatch(content -> content.contains("Budget review")));
        finance.api(token).get("/api/v1/timelines/home").then()
                .body("find { it.content.contains('Count me in') }.account.acct", equalTo(fedify.handle()));
    }

    /**
     * The node's log of its deliveries to Fedify: one RFC 9421 Ed25519 knock refused (scheme fallback), and
     * every delivery made with draft-cavage and alice's RSA key, the scheme remembered from then on.
     */
    private static void assertFellBackToCavageRsaOnce() {
        String auditor = finance.login("auditor");
        List<String> fallbacks = finance.api(auditor).queryParam("kind", "delivery.attempt")
                .queryParam("result", "scheme_fallback").queryParam("peer", fedify.baseUri().getAuthority())
                .get("/api/v1/admin/audit/entries").then().statusCode(200).extract().path("entries.headers");
        assertEquals(1, fallbacks.size(), fallbacks::toString);
        assertTrue(fallbacks.get(0).contains("@key-id: " + finance.actorUri("alice") + "#ed25519-key"),
                fallbacks.get(0));
        List<String> delivered = finance.api(auditor).queryParam("kind", "delivery.attempt")
                .queryParam("result", "delivered").queryParam("peer", fedify.baseUri().getAuthority())
                .get("/api/v1/admin/audit/entries").then().statusCode(200).extract().path("entries.headers");
        assertTrue(delivered.size() >= 3, delivered::toString); // Accept, Follow, Create
        for (String headers : delivered) {
            assertTrue(headers.contains("@scheme: cavage") && headers.contains("#main-key"), headers);
        }
    }
}
