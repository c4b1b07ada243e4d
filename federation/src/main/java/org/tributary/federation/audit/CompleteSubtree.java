package org.tributary.federation.audit;

import java.util.Objects;

/**
 * The hash of the complete subtree covering leaves {@code [index·2^level, (index+1)·2^level)}. Level 0 is a
 * leaf. Once it exists it never changes, so a node can store it and answer proofs from it.
 */
public record CompleteSubtree(int level, long index, TreeHash hash) {
    public CompleteSubtree {
        if (level < 0 || level > 62 || index < 0) {
            throw new AuditFormatException("no complete subtree at level " + level + ", index " + index);
        }
        Objects.requireNonNull(hash, "hash");
    }

    /** The first leaf the subtree covers. */
    public long firstLeaf() {
        return index << level;
    }

    /** The number of leaves the subtree covers. */
    public long width() {
        return 1L << level;
    }
}
