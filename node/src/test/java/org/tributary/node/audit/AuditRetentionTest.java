package org.tributary.node.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tributary.node.NodeAssembly;

/** Retention per kind: raw bodies go, leaf hashes stay, and old proofs still verify. */
class AuditRetentionTest {

    @Test
    void prunedBodiesLeaveEveryProofVerifiable() {
        Clock now = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
        AuditSettings settings = new AuditSettings(Duration.ofSeconds(15), Duration.ofMinutes(10),
                Duration.ofDays(365), Map.of(AuditKinds.INBOX_REJECTED, Duration.ofDays(30)), Duration.ofSeconds(5), true);
        NodeAssembly node = AuditLogNodes.create("retention", now, settings);
        try {
            Instant old = Instant.parse("2025-03-01T00:00:00Z");
            Instant recent = Instant.parse("2025-05-25T00:00:00Z");
            node.auditLog().record(AuditLogNodes.inbound(old, 0, "sales.example", "Create", "signature_invalid"));
            node.auditLog().record(AuditLogNodes.inbound(old, 1, "sales.example", "Create", "accepted"));
            node.auditLog().record(AuditLogNodes.inbound(recent, 2, "sales.example", "Create", "signature_invalid"));
            node.audit().checkpointNow().orElseThrow();

            assertEquals(1, node.audit().pruneNow());

            InclusionAnswer pruned = node.audit().prove(0).orElseThrow();
            assertFalse(pruned.entry().body().isPresent(), "the old rejected body is gone");
            assertTrue(pruned.entry().prunedAt().isPresent());
            assertTrue(pruned.verifies(), "its proof still verifies");
            assertTrue(node.audit().prove(1).orElseThrow().entry().body().isPresent(), "accepted: kept a year");
            assertTrue(node.audit().prove(2).orElseThrow().entry().body().isPresent(), "recent: kept");
            assertInstanceOf(StorageVerification.Verified.class, node.audit().verify());
        } finally {
            node.close();
        }
    }

    @Test
    void settingsAreReadPerKindFromProperties() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("audit.retention.days", "90");
        properties.setProperty("audit.retention.fetch.sent.days", "7");
        properties.setProperty("audit.checkpoint.interval.seconds", "20");
        AuditSettings settings = AuditSettings.from(properties);
        assertEquals(Duration.ofDays(7), settings.retentionOf("fetch.sent"));
        assertEquals(Duration.ofDays(90), settings.retentionOf("inbox.accepted"));
        assertEquals(Duration.ofSeconds(20), settings.signInterval());
    }
}
