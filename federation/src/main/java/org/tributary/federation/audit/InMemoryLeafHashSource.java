package org.tributary.federation.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LeafHashSource} held in memory that stores every complete subtree hash as leaves are appended,
 * the way the node's audit tables do: about 2n hashes (64 bytes a leaf), amortised O(1) hashing per append,
 * and O(1) per {@link #completeSubtreeHash} look-up, so an inclusion or consistency proof costs O(log n).
 * Synchronized, so proofs may be read while another thread appends.
 */
public final class InMemoryLeafHashSource implements LeafHashSource {
    private final List<HashColumn> levels = new ArrayList<>();
    private final CompactMerkleTree tree = new CompactMerkleTree();

    /** A source holding the given leaf hashes, in order. */
    public static InMemoryLeafHashSource of(List<TreeHash> leafHashes) {
        InMemoryLeafHashSource source = new InMemoryLeafHashSource();
        leafHashes.forEach(source::append);
        return source;
    }

    /** Appends a leaf hash and records the complete subtrees it finishes; returns the new leaf's index. */
    public synchronized long append(TreeHash leafHash) {
        long index = tree.size();
        for (CompleteSubtree subtree : tree.append(leafHash)) {
            if (levels.size() == subtree.level()) {
                levels.add(new HashColumn());
            }
            levels.get(subtree.level()).add(subtree.hash());
        }
        return index;
    }

    /** The root of the whole current log. */
    public synchronized TreeHash root() {
        return tree.root();
    }

    @Override
    public synchronized long size() {
        return tree.size();
    }

    @Override
    public synchronized TreeHash leafHash(long index) {
        return completeSubtreeHash(0, index);
    }

    @Override
    public synchronized TreeHash completeSubtreeHash(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
            throw new AuditFormatException("no complete subtree at level " + level + ", index " + index
                    + " in a log of " + tree.size() + " leaves");
        }
        return levels.get(level).get(index);
    }
}
