package org.tributary.node.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tributary.federation.audit.AuditFormatException;
import org.tributary.federation.audit.TreeHash;

/**
 * The log writer's last, not yet full block of leaf hashes ({@code audit_leaf_blocks}, 16 leaves a row).
 * A batch's leaves fill it and open new ones; every block the batch touched is written in the batch's
 * transaction, the open one as far as it goes, so each entry's leaf is stored apart from the entry from the
 * moment the entry commits. Under load a batch holds dozens of entries, so this costs about one row per 16
 * entries rather than one per entry.
 *
 * @param index  the block's number (its first leaf is entry {@code index * 16})
 * @param leaves its leaves so far, fewer than 16
 * @param stored whether a row holds them already (it is then extended, not inserted)
 */
record OpenLeafBlock(long index, List<TreeHash> leaves, boolean stored) {
    static final int SIZE = AuditLogStore.LEAVES_PER_BLOCK;

    OpenLeafBlock {
        leaves = List.copyOf(leaves);
    }

    /** The open block of a log of {@code size} entries, as stored. */
    static OpenLeafBlock restore(Connection connection, AuditLogStore store, long size) throws SQLException {
        long index = size / SIZE;
        int filled = (int) (size % SIZE);
        if (filled == 0) {
            return new OpenLeafBlock(index, List.of(), false);
        }
        AuditLogStore.KeptLeaves kept = store.keptLeafBlock(connection, index);
        List<TreeHash> leaves = new ArrayList<>(filled);
        for (int i = 0; i < filled; i++) {
            if (kept.leaves()[i] == null) {
                throw new AuditFormatException("the kept leaves of block " + index + " are incomplete: " + i
                        + " of " + filled + "; run audit verify");
            }
            leaves.add(kept.leaves()[i]);
        }
        return new OpenLeafBlock(index, leaves, kept.inBlockRow());
    }

    /** What appending a batch's leaves writes, and the open block after it. */
    record Appended(List<AuditLogStore.LeafBlock> rows, OpenLeafBlock open) {
    }

    Appended append(List<TreeHash> batch) {
        List<AuditLogStore.LeafBlock> rows = new ArrayList<>();
        List<TreeHash> filling = new ArrayList<>(leaves);
        long filledIndex = index;
        boolean filledStored = stored;
        for (TreeHash leaf : batch) {
            filling.add(leaf);
            if (filling.size() == SIZE) {
                rows.add(new AuditLogStore.LeafBlock(filledIndex, filling, kept(filledIndex, filledStored)));
                filling = new ArrayList<>(SIZE);
                filledIndex++;
                filledStored = false;
            }
        }
        if (!batch.isEmpty() && !filling.isEmpty()) { // the batch added to the block it leaves open
            rows.add(new AuditLogStore.LeafBlock(filledIndex, filling, kept(filledIndex, filledStored)));
            filledStored = true;
        }
        return new Appended(rows, new OpenLeafBlock(filledIndex, filling, filledStored));
    }

    /** How many leaves block {@code block}'s row holds before this batch. */
    private int kept(long block, boolean rowExists) {
        return rowExists && block == index ? leaves.size() : 0;
    }
}
