package org.tributary.node.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.audit.TreeHash;
import org.tributary.node.account.Role;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Two real nodes: what one logs as delivered the other logs as received with the same body digest; each
 * witnesses the other's checkpoints, and a node that rewrites its history is caught by its peer.
 */
class AuditFederationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

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
        sales.assembly().accounts().createEmployee("carol", TestNode.PASSWORD, null, Role.AUDITOR);
    }

    @AfterAll
    static void stopNodes() {
        finance.close();
        sales.close();
    }

    @Test
    void everyDeliveryOneNodeLoggedAsSentIsInThePeersLogWithTheSameBodyDigest() {
        String alice = finance.login("alice");
        String bob = sales.login("bob");
        String bobId = finance.api(alice).queryParam("acct", "bob@" + sales.authority())
                .get("/api/v1/accounts/lookup").then().statusCode(200).extract().path("id");
        finance.api(alice).post("/api/v1/accounts/" + bobId + "/follow").then().statusCode(200);
        Eventually.await("bob to accept", WAIT, () -> finance.api(alice).queryParam("id[]", bobId)
                .get("/api/v1/accounts/relationships").then().extract().<Boolean>path("[0].following"));
        sales.api(bob).contentType(ContentType.JSON).body(Map.of("status", "audited post", "visibility", "public"))
                .post("/api/v1/statuses").then().statusCode(200);
        Eventually.await("the post at finance", WAIT, () -> !finance.api(alice).get("/api/v1/timelines/home")
                .then().extract().<List<String>>path("content").isEmpty());

        assertReconciled(finance, sales);
        assertReconciled(sales, finance);
    }

    /** Every delivery {@code from} logged as delivered to {@code to} is an inbox entry there, same digest. */
    private static void assertReconciled(TestNode from, TestNode to) {
        List<StoredAuditEntry> delivered = AuditFixtures.entries(from.assembly(),
                AuditFixtures.kind(AuditKinds.DELIVERY_ATTEMPT)).stream()
                .filter(e -> e.entry().result().equals("delivered") && e.entry().peer().equals(to.authority()))
                .toList();
        assertFalse(delivered.isEmpty(), "deliveries from " + from.authority());
        Map<String, String> received = AuditFixtures.all(to.assembly()).stream()
                .filter(e -> e.entry().kind().equals(AuditKinds.INBOX_ACCEPTED)
                        || e.entry().kind().equals(AuditKinds.INBOX_DUPLICATE))
                .collect(Collectors.toMap(e -> e.entry().activityId(), e -> e.entry().bodyDigest().hex(),
                        (a, b) -> a));
        for (StoredAuditEntry sent : delivered) {
            assertEquals(sent.entry().bodyDigest().hex(), received.get(sent.entry().activityId()),
                    "receipt of " + sent.entry().activityId() + " at " + to.authority());
            assertEquals(from.authority(), AuditFixtures.all(to.assembly()).stream()
                    .filter(e -> e.entry().activityId().equals(sent.entry().activityId()))
                    .findFirst().orElseThrow().entry().peer());
        }
    }

    @Test
    void aPeerWitnessesCheckpointsAndDetectsThatANodeRewroteItsHistory() {
        finance.assembly().accounts().createEmployee("dora", TestNode.PASSWORD, null, Role.EMPLOYEE);
        SignedCheckpoint first = finance.assembly().checkpointNow().orElseThrow();
        Eventually.await("sales to accept finance's first checkpoint", WAIT,
                () -> acceptedSizes().contains(first.checkpoint().treeSize()));

        finance.assembly().accounts().createEmployee("erik", TestNode.PASSWORD, null, Role.EMPLOYEE);
        SignedCheckpoint second = finance.assembly().checkpointNow().orElseThrow();
        Eventually.await("sales to accept the next one, proven consistent", WAIT,
                () -> acceptedSizes().contains(second.checkpoint().treeSize()));
        assertEquals("consistent", AuditFixtures.witnessed(sales.assembly(), finance.authority()).get(0).verdict());

        // An insider rewrites entry 0 in finance's store, makes the stored tree match, and signs the new history.
        long size = finance.assembly().auditLog().state().size();
        TreeHash rewrittenRoot = AuditFixtures.rewrite(finance.assembly(), 0, "never-happened", size);
        SignedCheckpoint forged = AuditFixtures.forge(finance.assembly(), size, rewrittenRoot, Instant.now());
        AuditFixtures.send(finance.assembly(), forged, sales.baseUrl());

        Eventually.await("sales to raise a fork alert about finance", WAIT, () -> AuditFixtures
                .alerts(sales.assembly()).stream()
                .anyMatch(a -> a.peer().equals(finance.authority()) && a.type().equals("forked")));
        assertFalse(acceptedSizes().contains(size) && size != second.checkpoint().treeSize(),
                "the forged checkpoint is not accepted");
        String auditor = sales.login("carol");
        sales.api(auditor).get("/api/v1/admin/audit/alerts").then().statusCode(200)
                .body("find { it.type == 'forked' }.peer", equalTo(finance.authority()))
                .body("find { it.type == 'forked' }.evidence.size()", equalTo(2));
        assertTrue(AuditFixtures.entries(sales.assembly(), AuditFixtures.kind(AuditKinds.AUDIT_ALERT)).stream()
                .anyMatch(e -> e.entry().result().equals("forked")), "the alert is in sales' own log");
    }

    private static List<Long> acceptedSizes() {
        return AuditFixtures.witnessed(sales.assembly(), finance.authority()).stream()
                .filter(WitnessStore.Witnessed::accepted)
                .map(w -> w.checkpoint().checkpoint().treeSize()).toList();
    }
}
