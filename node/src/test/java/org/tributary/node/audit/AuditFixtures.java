package org.tributary.node.audit;

import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.audit.AuditEntry;
import org.tributary.federation.audit.Checkpoint;
import org.tributary.federation.audit.CompactMerkleTree;
import org.tributary.federation.audit.CompleteSubtree;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.audit.TreeHash;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.SigningKey;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.node.NodeAssembly;
import org.tributary.node.keys.KeyPems;
import org.tributary.node.store.Jdbc;

/** Reads and damages a node's audit tables directly, as an insider with database access could. */
final class AuditFixtures {
    private AuditFixtures() {
    }

    static List<StoredAuditEntry> entries(NodeAssembly node, AuditFilter filter) {
        return node.database().inTransaction(connection -> new AuditLogStore().list(connection, filter));
    }

    static List<StoredAuditEntry> all(NodeAssembly node) {
        List<StoredAuditEntry> all = new ArrayList<>();
        node.database().inTransactionVoid(connection ->
                new AuditLogStore().forEach(connection, 0, Long.MAX_VALUE, all::add));
        return all;
    }

    static AuditFilter kind(String kind) {
        AuditFilter all = AuditFilter.all(AuditFilter.MAX_LIMIT);
        return new AuditFilter(all.from(), all.to(), all.peer(), all.actor(), all.activityType(), all.direction(),
                Optional.of(kind), all.result(), -1, AuditFilter.MAX_LIMIT);
    }

    static int sql(NodeAssembly node, String sql, Object... params) {
        return node.database().inTransaction(connection -> Jdbc.update(connection, sql, params));
    }

    /** The node's own instance Ed25519 key, read from its store. */
    static SigningKey instanceKey(NodeAssembly node) {
        URI keyId = URI.create(node.audit().origin() + "/actor#ed25519-key");
        String pem = node.database().inTransaction(connection -> Jdbc.queryOne(connection,
                "SELECT private_pem FROM actor_keys WHERE key_id = ?", row -> row.getString(1), keyId)).orElseThrow();
        return new SigningKey(keyId, KeyPems.privateKey(pem), KeyAlgorithm.ED25519);
    }

    /**
     * Rewrites history: changes entry {@code sequence}'s result, gives it a matching leaf hash its kept leaf, and rewrites every
     * stored subtree of the first {@code size} entries, so the stored log is self-consistent again. Returns the
     * new root of {@code size} entries.
     */
    static TreeHash rewrite(NodeAssembly node, long sequence, String newResult, long size) {
        return node.database().inTransaction(connection -> {
            AuditLogStore store = new AuditLogStore();
            CompactMerkleTree tree = new CompactMerkleTree();
            List<CompleteSubtree> subtrees = new ArrayList<>();
            List<TreeHash> forged = new ArrayList<>(1);
            store.forEach(connection, 0, size, stored -> {
                AuditEntry e = stored.entry();
                if (e.sequence() == sequence) {
                    e = new AuditEntry(e.sequence(), e.time(), e.direction(), e.kind(), e.peer(), e.activityId(),
                            e.activityType(), e.actor(), e.object(), newResult, e.bodyDigest(), e.headerDigest());
                    forged.add(e.leafHash());
                }
                subtrees.addAll(tree.append(e.leafHash()));
            });
            Jdbc.update(connection, "UPDATE audit_entries SET result = ?, leaf_hash = ? WHERE seq = ?", newResult,
                    forged.get(0).hex(), sequence);
            byte[] block = Jdbc.queryOne(connection, "SELECT hashes FROM audit_leaf_blocks WHERE block_idx = ?",
                    row -> row.getBytes(1), sequence / AuditLogStore.LEAVES_PER_BLOCK).orElseThrow();
            System.arraycopy(forged.get(0).bytes(), 0, block,
                    (int) (sequence % AuditLogStore.LEAVES_PER_BLOCK) * TreeHash.LENGTH, TreeHash.LENGTH);
            Jdbc.update(connection, "UPDATE audit_leaf_blocks SET hashes = ? WHERE block_idx = ?", block,
                    sequence / AuditLogStore.LEAVES_PER_BLOCK);
            for (CompleteSubtree subtree : subtrees) {
                update(connection, subtree);
            }
            return tree.root();
        });
    }

    private static void update(java.sql.Connection connection, CompleteSubtree subtree) throws SQLException {
        Jdbc.update(connection, "UPDATE audit_subtrees SET hash = ? WHERE tree_level = ? AND idx = ?",
                subtree.hash().hex(), subtree.level(), subtree.index());
    }

    /** Signs a checkpoint of the given size and root with the node's own key, at {@code at}. */
    static SignedCheckpoint forge(NodeAssembly node, long size, TreeHash root, Instant at) {
        return SignedCheckpoint.sign(new Checkpoint(node.audit().origin(), size, root, at), instanceKey(node));
    }

    /** Queues a checkpoint for a peer the way the publisher does. */
    static void send(NodeAssembly from, SignedCheckpoint checkpoint, URI peerBase) {
        URI origin = from.audit().origin();
        URI peerActor = URI.create(peerBase + "/actor");
        byte[] body = new CheckpointActivity().encode(checkpoint, URI.create(origin + "/ns/tributary"),
                URI.create(origin + "/actor"), peerActor);
        from.deliveries().enqueue(List.of(DeliveryJob.unsaved(CheckpointActivity.activityId(checkpoint.checkpoint()),
                URI.create(peerActor + "/inbox"), body, URI.create(origin + "/actor#main-key"), Instant.now())));
    }

    static List<WitnessStore.Witnessed> witnessed(NodeAssembly node, String peer) {
        return node.database().inTransaction(connection -> new WitnessStore(null).history(connection, peer, 100));
    }

    static List<WitnessStore.Alert> alerts(NodeAssembly node) {
        return node.database().inTransaction(connection -> new WitnessStore(null).alerts(connection, 100));
    }
}
