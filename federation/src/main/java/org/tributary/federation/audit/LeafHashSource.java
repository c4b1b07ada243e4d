package org.tributary.federation.audit;

/**
 * Read access to the leaf hashes of a log, from which proofs are generated. The node backs it with its
 * audit tables; {@link InMemoryLeafHashSource} is the in-memory implementation.
 *
 * <p>A <em>complete subtree</em> at {@code level} h and {@code index} i covers the leaves
 * {@code [i·2^h, (i+1)·2^h)}; its hash never changes once the log has that many leaves. Proof generation
 * only ever asks for O(log n) complete subtrees, so an implementation that stores them (for example the
 * nodes that {@link CompactMerkleTree} reports as completed on append) answers every proof in O(log n)
 * look-ups. The default implementation recomputes a subtree from its leaves: correct, but O(2^h).
 */
public interface LeafHashSource {

    /** The number of leaves currently in the log. */
    long size();

    /** The hash of leaf {@code index}, for {@code 0 <= index < size()}. */
    TreeHash leafHash(long index);

    /**
     * The hash of the complete subtree at {@code level} and {@code index}; it lies wholly below
     * {@link #size()}. Override to read stored hashes.
     */
    default TreeHash completeSubtreeHash(int level, long index) {
        if (level == 0) {
            return leafHash(index);
        }
        return MerkleTree.nodeHash(
                completeSubtreeHash(level - 1, 2 * index),
                completeSubtreeHash(level - 1, 2 * index + 1));
    }
}
