package org.tributary.node.federation;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
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
 * Two real nodes sign their deliveries to each other with RFC 9421 and the author's Ed25519 key, and each
 * verifies them with the Ed25519 Multikey it finds in the other's actor document: alice@finance follows
 * bob@sales, bob accepts and posts. Read back from each receiver's compliance log, where every accepted
 * inbox entry keeps the signature fields it was verified with, and from each sender's log of its attempts.
 */
class Ed25519SignaturesAcrossNodesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String AUDIT = "/api/v1/admin/audit/entries";

    private static TestNode finance;
    private static TestNode sales;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        finance.allow(sales);
        sales.allow(finance);
        finance.addEmployee("alice");
        sales.addEmployee("bob");
        for (TestNode node : List.of(finance, sales)) {
            node.assembly().accounts().createEmployee("auditor", TestNode.PASSWORD, null, Role.AUDITOR);
        }
    }

    @AfterAll
    static void stopNodes() {
        finance.close();
        sales.close();
    }

    @Test
    void followAndPostAreSignedAndVerifiedWithEd25519OverRfc9421() {
        String alice = finance.login("alice");
        String bob = sales.login("bob");
        String bobId = finance.api(alice).queryParam("acct", "bob@" + sales.authority())
                .get("/api/v1/accounts/lookup").then().statusCode(200).extract().path("id");
        finance.api(alice).post("/api/v1/accounts/" + bobId + "/follow").then().statusCode(200);
        Eventually.await("bob to accept alice's follow", WAIT, () -> finance.api(alice).queryParam("id[]", bobId)
                .get("/api/v1/accounts/relationships").then().statusCode(200).extract().<Boolean>path("[0].following"));
        sales.api(bob).contentType(ContentType.JSON).body(Map.of("status", "signed with Ed25519", "visibility", "public"))
                .post("/api/v1/statuses").then().statusCode(200);
        Eventually.await("bob's post in alice's home timeline", WAIT, () -> finance.api(alice)
                .get("/api/v1/timelines/home").then().statusCode(200).extract().<List<String>>path("content"),
                contents -> !contents.isEmpty());

        assertVerifiedWithEd25519(sales, "Follow", finance.actorUri("alice") + "#ed25519-key");
        assertVerifiedWithEd25519(finance, "Accept", sales.actorUri("bob") + "#ed25519-key");
        assertVerifiedWithEd25519(finance, "Create", sales.actorUri("bob") + "#ed25519-key");
        assertSentOnceWithEd25519(finance, sales);
        assertSentOnceWithEd25519(sales, finance);
    }

    /** The receiver accepted the activity, and the signature it verified was RFC 9421 by this Ed25519 key. */
    private static void assertVerifiedWithEd25519(TestNode receiver, String type, String keyId) {
        List<String> headers = receiver.api(receiver.login("auditor")).queryParam("kind", "inbox.accepted")
                .queryParam("type", type).get(AUDIT).then().statusCode(200)
                .extract().<List<String>>path("entries.headers");
        assertEquals(1, headers.size(), () -> type + " entries at " + receiver.authority() + ": " + headers);
        String signatureInput = line(headers.get(0), "signature-input");
        assertTrue(signatureInput.contains("keyid=\"" + keyId + "\""), signatureInput);
        assertTrue(signatureInput.contains("alg=\"ed25519\""), signatureInput);
        assertTrue(signatureInput.contains("\"content-digest\""), signatureInput);
    }

    /** Every delivery went out in one RFC 9421 knock signed by the author's Ed25519 key: no fallback. */
    private static void assertSentOnceWithEd25519(TestNode sender, TestNode receiver) {
        String auditor = sender.login("auditor");
        sender.api(auditor).queryParam("kind", "delivery.attempt").queryParam("result", "scheme_fallback")
                .get(AUDIT).then().statusCode(200).body("entries.size()", equalTo(0));
        List<String> delivered = sender.api(auditor).queryParam("kind", "delivery.attempt")
                .queryParam("result", "delivered").queryParam("peer", receiver.authority()).get(AUDIT).then()
                .statusCode(200).extract().path("entries.headers");
        assertFalse(delivered.isEmpty(), "deliveries from " + sender.authority());
        for (String headers : delivered) {
            assertEquals("rfc9421", line(headers, "@scheme"), headers);
            assertTrue(line(headers, "@key-id").endsWith("#ed25519-key"), headers);
        }
    }

    /** The value of one {@code name: value} line of a logged header block. */
    private static String line(String headers, String name) {
        return headers.lines().filter(l -> l.startsWith(name + ": ")).map(l -> l.substring(name.length() + 2))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + headers));
    }
}
