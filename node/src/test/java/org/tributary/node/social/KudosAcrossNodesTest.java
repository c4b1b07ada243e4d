package org.tributary.node.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestNode;

/**
 * Kudos across three real nodes (finance: alice, ann; sales: bob; hr: carol, who follows alice): the
 * recipients' nodes and the giver's followers receive it, feeds and counts agree on every node, the
 * recipients are told "kudos", and bad requests fail with stable codes.
 */
class KudosAcrossNodesTest {
    private static TestNode finance;
    private static TestNode sales;
    private static TestNode hr;
    private static Colleague alice;
    private static Colleague ann;
    private static Colleague bob;
    private static Colleague carol;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        hr = TestNode.start("hr");
        finance.allow(sales, hr);
        sales.allow(finance, hr);
        hr.allow(finance, sales);
        alice = Colleague.on(finance, "alice");
        ann = Colleague.on(finance, "ann");
        bob = Colleague.on(sales, "bob");
        carol = Colleague.on(hr, "carol");
        carol.follow(alice);
    }

    @AfterAll
    static void stopNodes() {
        Stream.of(finance, sales, hr).forEach(TestNode::close);
    }

    @Test
    void aKudosReachesItsRecipientsAndTheGiversFollowersWithItsValue() {
        String bobId = alice.accountId(bob.handle());
        String annId = alice.accountId("ann");
        JsonPath given = alice.ok("/api/v1/kudos", Map.of("recipient_ids", List.of(bobId, annId),
                "message", "for untangling the Q3 forecast", "value", "Teamwork"));
        String uri = given.getString("uri");
        assertEquals("teamwork", given.getString("value"));
        assertEquals("for untangling the Q3 forecast", given.getString("message"));
        assertEquals(java.util.Set.of(bob.handle(), "ann"), java.util.Set.copyOf(given.getList("recipients.acct")));
        assertEquals("alice", given.getString("giver.acct"));
        assertEquals("public", given.getString("status.visibility"));
        String content = given.getString("status.content");
        assertTrue(content.contains("Kudos to") && content.contains("@bob") && content.contains("@ann")
                && content.contains("untangling"), content);
        assertEquals(List.of("teamwork"), given.getList("status.tags.name"));

        // The recipient on this node and the one on sales are told "kudos", not "mention".
        ann.awaitNotification("kudos", uri);
        Map<String, Object> atSales = bob.awaitNotification("kudos", uri);
        assertEquals(alice.handle(), field(atSales, "account").get("acct"));
        assertTrue(bob.notifications("mention").stream().noneMatch(n -> uri.equals(statusUri(n))));

        // Bob's feed of kudos received, on his own node.
        Map<String, Object> received = bob.awaitInList("/api/v1/kudos", kudos -> uri.equals(kudos.get("uri")));
        assertEquals("teamwork", received.get("value"));
        assertEquals("for untangling the Q3 forecast", received.get("message"));
        assertEquals(alice.handle(), field(received, "giver").get("acct"));
        // Alice's feed of kudos given, read by ann on finance.
        JsonPath givenByAlice = ann.get("/api/v1/kudos", "account_id", alice.accountId("alice"), "direction",
                "given");
        assertEquals(List.of(uri), givenByAlice.getList("uri"));
        assertEquals(List.of(), ann.get("/api/v1/kudos", "account_id", alice.accountId("alice")).getList(""));

        // Carol follows alice: the kudos reaches hr and its organization feed, though nobody there is a recipient.
        Map<String, Object> atHr = carol.awaitInList("/api/v1/kudos/organization", kudos -> uri.equals(kudos.get("uri")));
        assertEquals("teamwork", atHr.get("value"));

        // Counts by value, on the recipient's node and on the giver's.
        String bobAtSales = bob.accountId("bob");
        JsonPath counts = bob.get("/api/v1/accounts/" + bobAtSales + "/kudos/counts");
        assertEquals(1, counts.getInt("received"));
        assertEquals("teamwork", counts.getString("by_value[0].value"));
        assertEquals(1, counts.getInt("by_value[0].count"));
        JsonPath aliceCounts = ann.get("/api/v1/accounts/" + alice.accountId("alice") + "/kudos/counts");
        assertEquals(1, aliceCounts.getInt("given"));
        assertEquals(0, aliceCounts.getInt("received"));
    }

    @Test
    void kudosWithoutValueCountUnderNoValue() {
        String annId = carol.accountId(ann.handle());
        JsonPath given = carol.ok("/api/v1/kudos", Map.of("recipient_ids", List.of(annId), "message", "thanks!"));
        assertEquals(null, given.getString("value"));
        ann.awaitNotification("kudos", given.getString("uri"));
        JsonPath counts = ann.get("/api/v1/accounts/" + ann.accountId("ann") + "/kudos/counts");
        assertTrue(counts.getList("by_value.value").contains(null), counts.prettify());
    }

    @Test
    void badKudosFailWithStableCodes() {
        String bobId = alice.accountId(bob.handle());
        String self = alice.accountId("alice");
        assertCode(alice.postJson("/api/v1/kudos", Map.of("recipient_ids", List.of(self), "message", "me")), 422,
                "kudos_to_self");
        assertCode(alice.postJson("/api/v1/kudos", Map.of("recipient_ids", List.of(bobId), "message", " ")), 422,
                "empty_kudos");
        assertCode(alice.postJson("/api/v1/kudos", Map.of("message", "nobody")), 422, "kudos_without_recipient");
        assertCode(alice.postJson("/api/v1/kudos", Map.of("recipient_ids", List.of(bobId), "message", "x",
                "value", "two words")), 422, "invalid_kudos_value");
        assertCode(alice.postJson("/api/v1/kudos", Map.of("recipient_ids", List.of("999999"), "message", "x")), 404,
                "not_found");
        finance.anonymous().get("/api/v1/kudos/organization").then().statusCode(401);
    }

    private static void assertCode(io.restassured.response.ValidatableResponse response, int status, String code) {
        response.statusCode(status);
        assertEquals(code, response.extract().path("code"));
    }

    @SuppressWarnings("unchecked")
    private static Object statusUri(Map<String, Object> notification) {
        Object status = notification.get("status");
        return status == null ? null : ((Map<String, Object>) status).get("uri");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> map, String name) {
        return (Map<String, Object>) map.get(name);
    }
}
