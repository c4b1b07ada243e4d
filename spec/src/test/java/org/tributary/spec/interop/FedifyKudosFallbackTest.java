package org.tributary.spec.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestNode;

/**
 * The kudos fallback (spec/kudos.md) against an independent implementation that knows nothing of
 * kudos: Fedify follows the giver and is a recipient, verifies and accepts the kudos (no refusal beyond
 * the node's first, Ed25519 knock: see {@link FedifyPeer#unexpectedRefusals}), and
 * what it understood is a Note whose content and Mention tag name the recipient.
 */
class FedifyKudosFallbackTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestNode finance;
    private static FedifyPeer fedify;

    @BeforeAll
    static void start() {
        finance = TestNode.start("finance");
        finance.addEmployee("alice");
        finance.addEmployee("ann");
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
    void fedifyReceivesAKudosAsAReadableNoteMentioningTheRecipient() {
        URI alice = finance.actorUri("alice");
        fedify.lookup("alice@" + finance.authority());
        fedify.follow(alice);
        fedify.awaitFollowAccepted(alice, WAIT);

        String token = finance.login("alice");
        String peerId = finance.api(token).queryParam("acct", fedify.handle()).get("/api/v1/accounts/lookup")
                .then().statusCode(200).extract().path("id");
        String annId = finance.api(token).queryParam("acct", "ann").get("/api/v1/accounts/lookup")
                .then().statusCode(200).extract().path("id");
        JsonPath kudos = finance.api(token).contentType(ContentType.JSON)
                .body(Map.of("recipient_ids", List.of(peerId, annId), "message", "for the smooth interop day",
                        "value", "teamwork"))
                .post("/api/v1/kudos").then().statusCode(200).extract().jsonPath();
        URI noteUri = URI.create(kudos.getString("uri"));

        ReceivedActivity create = fedify.awaitReceived(activity -> activity.type().equals("Create")
                && activity.object().map(noteUri::equals).orElse(false), WAIT);
        assertTrue(fedify.unexpectedRefusals().isEmpty(), () -> "Fedify rejected: " + fedify.rejected());

        // What arrived: a Create of an object typed ["Note", "Kudos"] with our terms.
        JsonObject sent = create.raw().orElseThrow().getJsonObject("object");
        assertEquals(List.of("Note", "Kudos"), strings(sent.get("type")));
        assertEquals("teamwork", sent.getString("kudosValue"));
        assertTrue(strings(sent.get("recipient")).contains(fedify.actorUri().toString()), sent::toString);

        // What Fedify understood: a Note whose content and Mention name the recipient.
        JsonObject understood = create.json().getJsonObject("object");
        assertEquals("Note", understood.getString("type"), understood::toString);
        String content = understood.getString("content");
        assertTrue(content.contains("Kudos to") && content.contains("@" + FedifyPeer.ACTOR_NAME)
                && content.contains("smooth interop day"), content);
        assertTrue(mentions(understood).contains(fedify.actorUri().toString()), understood::toString);
    }

    private static List<String> mentions(JsonObject note) {
        List<String> hrefs = new ArrayList<>();
        JsonValue tags = note.get("tag");
        List<JsonValue> list = tags instanceof JsonArray array ? array : tags == null ? List.of() : List.of(tags);
        for (JsonValue tag : list) {
            if (tag instanceof JsonObject object && "Mention".equals(object.getString("type", ""))) {
                hrefs.add(object.getString("href", ""));
            }
        }
        return hrefs;
    }

    private static List<String> strings(JsonValue value) {
        List<String> result = new ArrayList<>();
        if (value instanceof JsonString text) {
            result.add(text.getString());
        } else if (value instanceof JsonArray array) {
            array.forEach(entry -> result.add(((JsonString) entry).getString()));
        }
        return result;
    }
}
