package org.tributary.node.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.tributary.federation.audit.AuditEntry;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.audit.AuditEntryJson;
import org.tributary.federation.audit.ConsistencyProof;
import org.tributary.federation.audit.InclusionProof;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.audit.SignedCheckpointJson;
import org.tributary.federation.audit.TreeHash;
import org.tributary.node.account.Role;
import org.tributary.node.testing.TestNode;

/** The audit API: read-only, for auditors and admins; proofs that verify; SPARQL that cannot write. */
class AuditApiTest {
    private static final String BASE = "/api/v1/admin/audit/";
    private static TestNode node;
    private static String auditor;
    private static String employee;

    @BeforeAll
    static void start() {
        node = TestNode.start("legal");
        node.assembly().accounts().createEmployee("ines", TestNode.PASSWORD, null, Role.AUDITOR);
        node.addEmployee("emil");
        node.assembly().peers().add("sales.example:8443", "test");
        node.assembly().checkpointNow().orElseThrow();
        auditor = node.login("ines");
        employee = node.login("emil");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aStartedNodeKeysItsEntriesForSearchesOnATimerOfItsOwn() throws InterruptedException {
        AuditEntryKeys keys = new AuditEntryKeys();
        long size = node.assembly().auditLog().state().size();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (node.assembly().database().inTransaction(keys::keyedUpTo) < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(node.assembly().database().inTransaction(keys::keyedUpTo) >= size,
                "the entries logged at start are keyed within seconds");
    }

    @Test
    void onlyAuditorsAndAdminsMayRead() {
        node.api(employee).get(BASE + "entries").then().statusCode(403).body("code", equalTo("forbidden"));
        node.anonymous().get(BASE + "entries").then().statusCode(401);
        node.api(auditor).get(BASE + "entries").then().statusCode(200);
    }

    @Test
    void nothingCanBeChanged() {
        for (String path : List.of("entries", "entries/0", "consistency", "checkpoints/latest",
                "checkpoints/witnessed", "alerts", "sparql")) {
            node.api(auditor).contentType("application/json").body("{}").put(BASE + path).then().statusCode(405);
            node.api(auditor).delete(BASE + path).then().statusCode(405);
            node.api(auditor).patch(BASE + path).then().statusCode(405);
            if (!path.equals("sparql")) {
                node.api(auditor).contentType("application/json").body("{}").post(BASE + path).then().statusCode(405);
            }
        }
        node.api(auditor).contentType("application/x-www-form-urlencoded")
                .formParam("update", "DELETE WHERE { ?s ?p ?o }").post(BASE + "sparql").then().statusCode(400)
                .body("code", equalTo("sparql_update_forbidden"));
        node.api(auditor).contentType("application/sparql-query")
                .body("INSERT DATA { <urn:a> <urn:b> <urn:c> }".getBytes(StandardCharsets.UTF_8))
                .post(BASE + "sparql").then().statusCode(400).body("code", equalTo("sparql_update_forbidden"));
        node.api(auditor).queryParam("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }")
                .get(BASE + "sparql").then().statusCode(400).body("code", equalTo("sparql_service_forbidden"));
    }

    @Test
    void entriesAreFilteredByKindPeerAndDirection() {
        node.api(auditor).queryParam("kind", AuditKinds.ADMIN_PEER_POLICY).queryParam("direction", "local")
                .get(BASE + "entries").then().statusCode(200)
                .body("entries.size()", equalTo(1))
                .body("entries[0].entry.peer", equalTo("sales.example:8443"))
                .body("entries[0].entry.result", equalTo("added"));
        node.api(auditor).queryParam("kind", AuditKinds.ADMIN_ACCOUNT).get(BASE + "entries").then()
                .body("entries.size()", equalTo(2))
                .body("entries.entry.kind", everyItem(equalTo(AuditKinds.ADMIN_ACCOUNT)));
        node.api(auditor).queryParam("peer", "nobody.example").get(BASE + "entries").then()
                .body("entries.size()", equalTo(0));
        node.api(auditor).queryParam("from", "yesterday").get(BASE + "entries").then().statusCode(400)
                .body("code", equalTo("invalid_time"));
    }

    @Test
    void anEntryComesWithAnInclusionProofToTheSignedCheckpoint() {
        String body = node.api(auditor).get(BASE + "entries/1").then().statusCode(200).extract().asString();
        JsonObject answer = Json.createReader(new StringReader(body)).readObject();
        AuditEntry entry = new AuditEntryJson().fromJson(answer.getJsonObject("entry"));
        SignedCheckpoint checkpoint = new SignedCheckpointJson().fromJson(answer.getJsonObject("checkpoint"));
        JsonObject inclusion = answer.getJsonObject("inclusion");
        InclusionProof proof = new InclusionProof(inclusion.getJsonNumber("leafIndex").longValue(),
                inclusion.getJsonNumber("treeSize").longValue(), hashes(inclusion.getJsonArray("proof")
                        .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
        assertEquals(1, entry.sequence());
        assertTrue(checkpoint.verify(node.assembly().audit().nodeKey()));
        assertTrue(proof.verify(entry.leafHash(), checkpoint.checkpoint().rootHash()));
        node.api(auditor).get(BASE + "entries/9999").then().statusCode(404);
    }

    @Test
    void consistencyBetweenTwoSizesVerifies() {
        long size = node.api(auditor).get(BASE + "checkpoints/latest").then().statusCode(200)
                .extract().jsonPath().getLong("treeSize");
        JsonPath answer = node.api(auditor).queryParam("from", 1).queryParam("to", size).get(BASE + "consistency")
                .then().statusCode(200).extract().jsonPath();
        ConsistencyProof proof = new ConsistencyProof(1, size, hashes(answer.getList("proof", String.class)));
        assertTrue(proof.verify(TreeHash.fromBase64(answer.getString("fromRoot")),
                TreeHash.fromBase64(answer.getString("toRoot"))));
        node.api(auditor).queryParam("from", 5).queryParam("to", 2).get(BASE + "consistency").then().statusCode(400);
    }

    @Test
    void sparqlAnswersReadOnlyQueries() {
        node.api(auditor).queryParam("query", "PREFIX ta: <urn:tributary:audit#> "
                        + "SELECT (COUNT(?e) AS ?n) WHERE { ?e ta:kind \"admin.account\" }")
                .get(BASE + "sparql").then().statusCode(200)
                .body("results.bindings[0].n.value", equalTo("2"));
        node.api(auditor).contentType("application/sparql-query")
                .body("PREFIX ta: <urn:tributary:audit#> ASK { ?e ta:result \"added\" }"
                        .getBytes(StandardCharsets.UTF_8))
                .post(BASE + "sparql").then().statusCode(200).body("boolean", equalTo(true));
        node.api(auditor).queryParam("query", "SELECT nonsense").get(BASE + "sparql").then().statusCode(400)
                .body("code", equalTo("sparql_syntax"));
        node.api(auditor).get(BASE + "checkpoints/witnessed").then().statusCode(200).body("size()", equalTo(0));
        node.api(auditor).get(BASE + "alerts").then().statusCode(200).body("size()", greaterThan(-1));
    }

    /** The OAuth scope is checked as well as the role: {@code read} or {@code admin:read}, nothing narrower. */
    @Test
    void anAuditorsTokenNeedsReadOrAdminReadScope() {
        String adminRead = token("ines", "admin:read");
        node.api(adminRead).get(BASE + "entries").then().statusCode(200);
        node.api(adminRead).contentType("application/sparql-query")
                .body("ASK { ?s ?p ?o }".getBytes(StandardCharsets.UTF_8))
                .post(BASE + "sparql").then().statusCode(200);
        node.api(token("ines", "read")).contentType("application/sparql-query")
                .body("ASK { ?s ?p ?o }".getBytes(StandardCharsets.UTF_8))
                .post(BASE + "sparql").then().statusCode(200);
        for (String narrow : List.of("write", "read:statuses", "profile")) {
            node.api(token("ines", narrow)).get(BASE + "entries").then().statusCode(403)
                    .body("code", equalTo("insufficient_scope"));
        }
        // The scope alone is not enough: an ordinary employee with admin:read is still refused.
        node.api(token("emil", "admin:read")).get(BASE + "entries").then().statusCode(403)
                .body("code", equalTo("forbidden"));
    }

    private static String token(String username, String scope) {
        return node.anonymous().contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                .formParam("username", username).formParam("password", TestNode.PASSWORD).formParam("scope", scope)
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    private static List<TreeHash> hashes(List<String> base64) {
        return base64.stream().map(TreeHash::fromBase64).collect(Collectors.toList());
    }
}
