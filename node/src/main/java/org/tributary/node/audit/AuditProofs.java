package org.tributary.node.audit;

import java.util.Optional;
import org.tributary.federation.audit.AuditFormatException;
import org.tributary.federation.audit.ConsistencyProof;
import org.tributary.federation.audit.InclusionProof;
import org.tributary.federation.audit.MerkleTree;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.audit.TreeHash;
import org.tributary.node.store.Database;

/** Proofs from the stored tree: O(log n) subtree look-ups each. */
public final class AuditProofs {
    private final Database database;
    private final AuditLogStore store;
    private final CheckpointStore checkpoints;
    private final AuditLog log;

    /** A consistency proof with the two roots it connects. */
    public record Consistency(ConsistencyProof proof, TreeHash fromRoot, TreeHash toRoot) {
    }

    public AuditProofs(Database database, AuditLogStore store, CheckpointStore checkpoints, AuditLog log) {
        this.database = database;
        this.store = store;
        this.checkpoints = checkpoints;
        this.log = log;
    }

    /**
     * Entry {@code sequence} with its proof against the newest checkpoint; empty when there is no such entry.
     * Fails with {@code malformed_audit_data} when no checkpoint covers the entry yet.
     */
    public Optional<InclusionAnswer> inclusion(long sequence) {
        return database.inTransaction(connection -> {
            Optional<StoredAuditEntry> entry = store.find(connection, sequence);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            SignedCheckpoint newest = checkpoints.latest(connection)
                    .filter(c -> c.checkpoint().treeSize() > sequence)
                    .orElseThrow(() -> new AuditFormatException("entry " + sequence
                            + " is not covered by a checkpoint yet; the next one will cover it"));
            long size = newest.checkpoint().treeSize();
            InclusionProof proof = InclusionProof.generate(new StoredLeafHashSource(connection, store, size),
                    sequence, size);
            return Optional.of(new InclusionAnswer(entry.get(), proof, newest));
        });
    }

    /** The proof that the tree of {@code from} entries is a prefix of the tree of {@code to} entries. */
    public Consistency consistency(long from, long to) {
        long size = log.state().size();
        if (from < 0 || to < from || to > size) {
            throw new AuditFormatException("sizes must satisfy 0 <= from <= to <= " + size);
        }
        return database.inTransaction(connection -> {
            StoredLeafHashSource tree = new StoredLeafHashSource(connection, store, size);
            return new Consistency(ConsistencyProof.generate(tree, from, to), MerkleTree.rootOf(tree, from),
                    MerkleTree.rootOf(tree, to));
        });
    }

    public Optional<SignedCheckpoint> latestCheckpoint() {
        return database.inTransaction(checkpoints::latest);
    }
}
