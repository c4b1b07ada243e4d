package org.tributary.node.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.audit.AuditBundleVerifier;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.audit.BundleFailure;
import org.tributary.federation.audit.BundleVerification;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.node.NodeAssembly;

/**
 * Export: the JSON Lines bundle passes the offline verifier (and a tampered copy does not); the N-Quads
 * load into Jena and the documented example queries in {@code spec/audit-queries} return the expected rows.
 */
class AuditExportTest {
    private static final String ALICE = "https://finance.example.com/users/alice";
    private static NodeAssembly node;

    @BeforeAll
    static void logMessages() throws InterruptedException {
        node = AuditLogNodes.create("finance", Clock.systemUTC(), AuditSettings.defaults());
        kudos("2025-03-03T10:00:00Z", "sales.example.com", "Kudos", 1);
        kudos("2025-03-20T16:30:00Z", "sales.example.com", "Kudos", 2);
        kudos("2025-04-02T08:00:00Z", "sales.example.com", "Kudos", 3);
        kudos("2025-03-12T12:00:00Z", "hr.example.com", "Kudos", 4);
        kudos("2025-03-13T12:00:00Z", "sales.example.com", "Create", 5);
        Instant t = Instant.parse("2025-03-14T00:00:00Z");
        node.auditLog().record(AuditLogNodes.inbound(t, 6, "sales.example.com", "Create", "signature_invalid"));
        node.audit().checkpointNow().orElseThrow();
        Thread.sleep(3);
        node.auditLog().record(AuditLogNodes.inbound(t, 7, "sales.example.com", "Follow", "signature_invalid"));
        node.auditLog().record(AuditLogNodes.inbound(t, 8, "evil.example.com", "Create", "peer_not_allowed"));
        node.auditLog().record(AuditLogNodes.inbound(t, 9, "hr.example.com", "Like", "signature_invalid"));
        node.auditLog().record(AuditLogNodes.inbound(t, 10, "hr.example.com", "Create", "accepted"));
        node.audit().checkpointNow().orElseThrow();
    }

    private static void kudos(String time, String peer, String type, int n) {
        node.auditLog().record(AuditRecord.of(Instant.parse(time), AuditDirection.OUTBOUND, AuditKinds.DELIVERY_ATTEMPT)
                .withPeer(peer)
                .withActivity("https://finance.example.com/activities/" + n, type, ALICE, "https://" + peer + "/users/x")
                .withResult("delivered")
                .withMessage(("{\"type\":\"" + type + "\"}").getBytes(StandardCharsets.UTF_8),
                        HeaderMap.empty().with("content-type", "application/activity+json")));
    }

    @AfterAll
    static void close() {
        node.close();
    }

    @Test
    void theBundlePassesTheOfflineVerifierAndATamperedCopyFailsAtItsLine() {
        StringWriter bundle = new StringWriter();
        assertEquals(10, node.audit().exportBundle(bundle));
        AuditBundleVerifier verifier = AuditBundleVerifier.forPublicKeyPem(
                KeyCodec.encodePublicKeyPem(node.audit().nodeKey()));

        BundleVerification.Verified verified = assertInstanceOf(BundleVerification.Verified.class,
                verifier.verify(bundle.toString()));
        assertTrue(verified.coversWholeLog());
        assertEquals(2, verified.checkpoints().size());

        List<String> lines = new ArrayList<>(bundle.toString().lines().toList());
        int line = indexOf(lines, "\"leafIndex\":7,");
        lines.set(line, lines.get(line).replace("peer_not_allowed", "accepted"));
        BundleVerification.Failed failed = assertInstanceOf(BundleVerification.Failed.class,
                verifier.verify(String.join("\n", lines) + "\n"));
        assertEquals(BundleFailure.ENTRY_NOT_INCLUDED, failed.reason());
        assertEquals(line + 1, failed.line());
    }

    @Test
    void anEntryIsProvenAgainstASignedCheckpoint() {
        InclusionAnswer answer = node.audit().prove(3).orElseThrow();
        assertTrue(answer.verifies());
        assertTrue(answer.checkpoint().verify(node.audit().nodeKey()));
        assertTrue(answer.proof().verify(answer.entry().entry().leafHash(), answer.checkpoint().checkpoint().rootHash()));
        assertFalse(node.audit().prove(99).isPresent());
    }

    @Test
    void theRdfExportLoadsIntoJenaAndTheDocumentedQueriesAnswer() throws IOException {
        ByteArrayOutputStream quads = new ByteArrayOutputStream();
        assertEquals(10, node.audit().exportNQuads(quads));
        Dataset dataset = DatasetFactory.create();
        RDFDataMgr.read(dataset, new ByteArrayInputStream(quads.toByteArray()), Lang.NQUADS);
        String graph = node.audit().origin() + "/audit/log";
        assertTrue(dataset.containsNamedModel(graph));

        List<String> kudos = column(dataset, graph, "kudos-between-departments.rq", "activity");
        assertEquals(List.of("https://finance.example.com/activities/1", "https://finance.example.com/activities/2"),
                kudos);

        List<String> rejected = new ArrayList<>();
        select(dataset, graph, "rejected-by-error-code.rq", row -> rejected.add(
                row.getLiteral("code").getString() + "=" + row.getLiteral("rejected").getInt()));
        assertEquals(List.of("signature_invalid=3", "peer_not_allowed=1"), rejected);

        List<String> sent = column(dataset, graph, "everything-one-actor-sent.rq", "activity");
        assertEquals(List.of(1, 2, 3, 4, 5).stream().map(n -> "https://finance.example.com/activities/" + n).toList(),
                sent);
    }

    static String query(String file) throws IOException {
        Path spec = Path.of("..", "spec", "audit-queries", file);
        return Files.readString(spec.toFile().exists() ? spec : Path.of("spec", "audit-queries", file));
    }

    private static List<String> column(Dataset dataset, String graph, String file, String variable) throws IOException {
        List<String> values = new ArrayList<>();
        select(dataset, graph, file, row -> values.add(row.get(variable).toString()));
        return values;
    }

    private static void select(Dataset dataset, String graph, String file,
            java.util.function.Consumer<QuerySolution> row) throws IOException {
        try (QueryExecution execution = QueryExecution.create().query(query(file))
                .model(dataset.getNamedModel(graph)).build()) {
            ResultSet results = execution.execSelect();
            results.forEachRemaining(row);
        }
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + marker);
    }
}
