package org.tributary.node.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.tributary.federation.audit.AuditFormatException;
import org.tributary.federation.audit.LeafHashSource;
import org.tributary.federation.audit.TreeHash;
import org.tributary.node.store.StoreException;

/**
 * The log's tree read from {@code audit_subtrees} inside one transaction, frozen at {@code size} leaves:
 * every hash a proof needs is one indexed look-up, so proofs cost O(log n) queries.
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
            return store.subtreeHash(connection, level, index).orElseThrow(() -> new AuditFormatException(
                    "the stored tree has no subtree at level " + level + ", index " + index));
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
