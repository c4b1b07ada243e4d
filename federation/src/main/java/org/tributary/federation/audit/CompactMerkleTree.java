package org.tributary.federation.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree that keeps only its "peaks": the roots of the complete subtrees that the
 * binary decomposition of its size describes (one per set bit, largest first). Memory is O(log n),
 * {@link #append} costs amortised O(1) hashes (O(log n) at worst) and {@link #root} O(log n) hashes, so the
 * node never recomputes the tree from its leaves.
 *
 * <p>Not thread-safe: the node appends from one writer. Each append reports the complete subtrees it
 * finished, so the node can store them and serve proofs through a {@link LeafHashSource} in O(log n).
 */
public final class CompactMerkleTree {
    private final List<TreeHash> peaks;
    private long size;

    /** An empty tree. */
    public CompactMerkleTree() {
        this.peaks = new ArrayList<>();
        this.size = 0;
    }

    private CompactMerkleTree(long size, List<TreeHash> peaks) {
        this.peaks = new ArrayList<>(peaks);
        this.size = size;
    }

    /**
     * Resumes a tree from a stored size and its peaks (as returned by {@link #peaks()}). Fails with
     * {@code malformed_audit_data} when the number of peaks does not match the size.
     */
    public static CompactMerkleTree restore(long size, List<TreeHash> peaks) {
        if (size < 0 || peaks.size() != Long.bitCount(size)) {
            throw new AuditFormatException("a tree of " + size + " leaves has " + Long.bitCount(Math.max(size, 0))
                    + " peaks, got " + peaks.size());
        }
        return new CompactMerkleTree(size, List.copyOf(peaks));
    }

    /** Resumes a tree over the first {@code size} leaves of a source, reading only its O(log n) peaks. */
    public static CompactMerkleTree restore(LeafHashSource source, long size) {
        SubtreeRanges.requireWithin(source, size);
        List<TreeHash> peaks = new ArrayList<>();
        long position = 0;
        for (int level = 62; level >= 0; level--) {
            long width = 1L << level;
            if ((size & width) != 0) {
                peaks.add(source.completeSubtreeHash(level, position >> level));
                position += width;
            }
        }
        return new CompactMerkleTree(size, peaks);
    }

    /**
     * Appends one leaf hash and returns every complete subtree this append finished: the leaf itself
     * (level 0) and each interior node it closed, lowest level first.
     */
    public List<CompleteSubtree> append(TreeHash leafHash) {
        if (size == Long.MAX_VALUE >> 1) {
            throw new AuditFormatException("the log is full");
        }
        List<CompleteSubtree> finished = new ArrayList<>(2);
        TreeHash carry = leafHash;
        long index = size;
        int level = 0;
        finished.add(new CompleteSubtree(0, index, carry));
        while (((size >> level) & 1) == 1) {
            TreeHash left = peaks.remove(peaks.size() - 1);
            carry = MerkleTree.nodeHash(left, carry);
            level++;
            index >>= 1;
            finished.add(new CompleteSubtree(level, index, carry));
        }
        peaks.add(carry);
        size++;
        return finished;
    }

    /** The number of leaves appended so far. */
    public long size() {
        return size;
    }

    /** The root hash of the current tree, per RFC 9162 (the empty tree's root when nothing was appended). */
    public TreeHash root() {
        if (peaks.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        TreeHash root = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(peaks.get(i), root);
        }
        return root;
    }

    /** The peaks, largest subtree first: what to persist to {@link #restore(long, List) restore} the tree. */
    public List<TreeHash> peaks() {
        return List.copyOf(peaks);
    }
}
