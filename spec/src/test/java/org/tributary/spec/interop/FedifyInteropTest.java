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
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Interoperability with an independent ActivityPub implementation (Fedify, started by the test):
 * it finds a Tributary employee by WebFinger, follows her, receives her signed post and verifies it
 * itself, and its own signed reply is accepted by the node and reaches her home timeline.
 */
class FedifyInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestNode finance;
    private static FedifyPeer fedify;

    @BeforeAll
    static void start() {
        finance = TestNode.start("finance");
        finance.addEmployee("alice");
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
        assertTrue(fedify.rejected().isEmpty(), () -> "Fedify rejected: " + fedify.rejected());

        fedify.reply(URI.create(noteUri), alice, "Count me in", true);
        List<String> contents = Eventually.await("the Fedify reply in alice's home timeline", WAIT,
                () -> finance.api(token).get("/api/v1/timelines/home").then().statusCode(200)
                        .extract().<List<String>>path("content"),
                list -> list.stream().anyMatch(content -> content.contains("Count me in")));
        assertTrue(contents.stream().anyMatch(content -> content.contains("Budget review")));
        finance.api(token).get("/api/v1/timelines/home").then()
                .body("find { it.content.contains('Count me in') }.account.acct", equalTo(fedify.handle()));
    }
}
