package org.tributary.node.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tributary.federation.audit.AuditFormatException;
import org.tributary.federation.audit.LeafHashSource;
import org.tributary.federation.audit.MerkleTree;
import org.tributary.federation.audit.TreeHash;
import org.tributary.node.store.StoreException;

/**
 * The log's tree read from {@code audit_subtrees} and {@code audit_leaf_blocks} inside one transaction, frozen
 * at {@code size} leaves: every hash a proof needs is one indexed look-up, or for the low levels the log does
 * not store ({@link AuditLogStore#isStored}) one block of at most {@value AuditLogStore#LEAVES_PER_BLOCK}
 * leaves, folded here; so proofs still cost O(log n) queries.
 */
final class StoredLeafHashSource implements LeafHashSource {
    private final Connection connection;
    private final AuditLogStore store;
    private final long size;

    StoredLeafHashSource(Connection connection, AuditLogStore store, long size) {
        this.connection = connection;
        this.store = store;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public TreeHash leafHash(long index) {
        return completeSubtreeHash(0, index);
    }

    @Override
    public TreeHash completeSubtreeHash(int level, long index) {
        try {
            if (!AuditLogStore.isStored(level)) {
                return fold(store.leafHashes(connection, index << level, 1L << level), level, index);
            }
            return store.subtreeHash(connection, level, index).orElseThrow(() -> missing(level, index));
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The root of a complete subtree from its leaves, pairwise as RFC 9162 builds it. */
    private static TreeHash fold(List<TreeHash> leaves, int level, long index) {
        if (leaves.size() != 1 << level) {
            throw missing(level, index);
        }
        List<TreeHash> row = leaves;
        while (row.size() > 1) {
            List<TreeHash> up = new ArrayList<>(row.size() / 2);
            for (int i = 0; i < row.size(); i += 2) {
                up.add(MerkleTree.nodeHash(row.get(i), row.get(i + 1)));
            }
            row = up;
        }
        return row.get(0);
    }

    private static AuditFormatException missing(int level, long index) {
        return new AuditFormatException("the stored tree has no subtree at level " + level + ", index " + index);
    }
}
