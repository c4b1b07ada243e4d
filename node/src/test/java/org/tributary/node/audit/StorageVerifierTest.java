package org.tributary.node.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.audit.AuditEntry;
import org.tributary.node.NodeAssembly;
import org.tributary.node.audit.StorageVerification.Problem;

/**
 * {@code audit verify} over a log of 20 entries under two checkpoints (10 and 20), after each kind of
 * tampering through SQL: it fails and names the first bad entry.
 */
class StorageVerifierTest {
    private NodeAssembly node;

    @BeforeEach
    void logTwentyEntries() throws InterruptedException {
        node = AuditLogNodes.create("verify", Clock.systemUTC(), AuditSettings.defaults());
        Instant t0 = Instant.parse("2025-03-05T09:00:00Z");
        for (int i = 0; i < 20; i++) {
            node.auditLog().record(AuditLogNodes.inbound(t0.plusSeconds(i), i, "sales.example:8443", "Create",
                    i % 4 == 0 ? "signature_invalid" : "accepted"));
            if (i == 9) {
                node.audit().checkpointNow().orElseThrow();
                Thread.sleep(3); // checkpoint times strictly increase
            }
        }
        node.audit().checkpointNow().orElseThrow();
    }

    @AfterEach
    void close() {
        node.close();
    }

    @Test
    void anUntouchedLogVerifies() {
        StorageVerification result = node.audit().verify();
        assertEquals(new StorageVerification.Verified(20, 2), result);
    }

    @Test
    void anEditedEntryIsNamed() {
        AuditFixtures.sql(node, "UPDATE audit_entries SET actor = 'http://sales.example:8443/users/mallory' "
                + "WHERE seq = 7");
        assertFailed(Problem.ENTRY_ALTERED, 7);
    }

    @Test
    void anEditedEntryWithARecomputedLeafIsStillNamed() {
        AuditEntry e = AuditFixtures.all(node).get(7).entry();
        AuditEntry edited = new AuditEntry(e.sequence(), e.time(), e.direction(), e.kind(), e.peer(), e.activityId(),
                e.activityType(), "http://sales.example:8443/users/mallory", e.object(), e.result(), e.bodyDigest(),
                e.headerDigest());
        AuditFixtures.sql(node, "UPDATE audit_entries SET actor = ?, leaf_hash = ? WHERE seq = 7", edited.actor(),
                edited.leafHash().hex());
        assertFailed(Problem.ENTRY_ALTERED, 7);
    }

    @Test
    void aRemovedRowOfKeptLeavesIsNamedAtItsFirstEntry() {
        AuditFixtures.sql(node, "DELETE FROM audit_leaf_blocks WHERE block_idx = 0");
        assertFailed(Problem.ENTRY_ALTERED, 0);
    }

    @Test
    void aCutRowOfKeptLeavesIsNamedAtTheFirstEntryItNoLongerCovers() {
        byte[] kept = node.database().inTransaction(connection -> org.tributary.node.store.Jdbc.queryOne(connection,
                "SELECT hashes FROM audit_leaf_blocks WHERE block_idx = 1", row -> row.getBytes(1))).orElseThrow();
        AuditFixtures.sql(node, "UPDATE audit_leaf_blocks SET hashes = ? WHERE block_idx = 1",
                java.util.Arrays.copyOf(kept, 64)); // entries 16 and 17 only
        assertFailed(Problem.ENTRY_ALTERED, 18);
    }

    @Test
    void aDeletedEntryIsNamed() {
        AuditFixtures.sql(node, "DELETE FROM audit_entries WHERE seq = 12");
        assertFailed(Problem.ENTRY_MISSING, 12);
    }

    @Test
    void twoReorderedEntriesAreNamedAtTheFirst() {
        AuditFixtures.sql(node, "UPDATE audit_entries SET seq = -1 WHERE seq = 4");
        AuditFixtures.sql(node, "UPDATE audit_entries SET seq = 4 WHERE seq = 5");
        AuditFixtures.sql(node, "UPDATE audit_entries SET seq = 5 WHERE seq = -1");
        assertFailed(Problem.ENTRY_ALTERED, 4);
    }

    @Test
    void aTruncatedLogIsNamedAtItsFirstMissingEntry() {
        AuditFixtures.sql(node, "DELETE FROM audit_entries WHERE seq >= 15");
        assertFailed(Problem.TRUNCATED, 15);
    }

    @Test
    void aCheckpointThatWasNotSignedByTheNodeFails() {
        String json = node.database().inTransaction(connection -> org.tributary.node.store.Jdbc.queryOne(connection,
                "SELECT checkpoint_json FROM audit_checkpoints WHERE tree_size = 10", row -> row.getString(1)))
                .orElseThrow();
        AuditFixtures.sql(node, "UPDATE audit_checkpoints SET checkpoint_json = ? WHERE tree_size = 10",
                json.replace("\"treeSize\":10", "\"treeSize\":9"));
        StorageVerification.Failed failed = assertInstanceOf(StorageVerification.Failed.class, node.audit().verify());
        assertEquals(Problem.BAD_CHECKPOINT_SIGNATURE, failed.problem());
    }

    @Test
    void aKeyedLogVerifies() {
        keyEveryEntry();
        assertEquals(new StorageVerification.Verified(20, 2), node.audit().verify());
    }

    @Test
    void aChangedSearchKeyIsNamed() {
        keyEveryEntry();
        AuditFixtures.sql(node, "UPDATE audit_entry_keys SET peer = 'elsewhere.example' WHERE seq = 12");
        assertFailed(Problem.KEYS_ALTERED, 12);
    }

    @Test
    void aSearchKeyRemovedFromTheKeyedPrefixIsNamed() {
        keyEveryEntry();
        AuditFixtures.sql(node, "DELETE FROM audit_entry_keys WHERE seq = 5");
        assertFailed(Problem.KEYS_ALTERED, 5);
    }

    private void keyEveryEntry() {
        AuditFixtures.sql(node, "INSERT INTO audit_entry_keys (seq, time_ms, peer, kind) "
                + "SELECT seq, time_ms, peer, kind FROM audit_entries");
    }

    private void assertFailed(Problem problem, long firstBad) {
        StorageVerification.Failed failed = assertInstanceOf(StorageVerification.Failed.class, node.audit().verify());
        assertEquals(problem, failed.problem(), failed.detail());
        assertEquals(OptionalLong.of(firstBad), failed.firstBadEntry(), failed.detail());
    }

}
