package org.tributary.federation.audit;

/**
 * Hashes of arbitrary subtree ranges {@code MTH(D[start:end])} built from complete subtrees. Every range the
 * RFC 9162 proof recursion visits starts at a multiple of the smallest power of two not below its length,
 * so it splits into at most 64 aligned complete subtrees (one per set bit of its length, largest first),
 * which are then folded right to left exactly as the recursive definition would.
 */
final class SubtreeRanges {
    private SubtreeRanges() {
    }

    static TreeHash rangeHash(LeafHashSource source, long start, long end) {
        long length = end - start;
        if (length <= 0) {
            throw new IllegalArgumentException("empty range " + start + ".." + end);
        }
        TreeHash[] parts = new TreeHash[Long.bitCount(length)];
        int count = 0;
        long position = start;
        for (int level = 63 - Long.numberOfLeadingZeros(length); level >= 0; level--) {
            long width = 1L << level;
            if ((length & width) != 0) {
                if (position % width != 0) {
                    throw new IllegalArgumentException("range " + start + ".." + end + " is not aligned");
                }
                parts[count++] = source.completeSubtreeHash(level, position / width);
                position += width;
            }
        }
        TreeHash hash = parts[count - 1];
        for (int i = count - 2; i >= 0; i--) {
            hash = MerkleTree.nodeHash(parts[i], hash);
        }
        return hash;
    }

    static void requireWithin(LeafHashSource source, long treeSize) {
        if (treeSize < 0 || treeSize > source.size()) {
            throw new AuditFormatException("tree size " + treeSize + " is outside the log's 0.." + source.size());
        }
    }
}
