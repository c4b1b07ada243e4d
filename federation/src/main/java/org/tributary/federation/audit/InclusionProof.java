package org.tributary.federation.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Proof that leaf {@code leafIndex} is in the tree of {@code treeSize} leaves: the RFC 9162 §2.1.3.1
 * {@code PATH(m, D[n])}, sibling hashes from the leaf up to the root.
 *
 * <p>Generation asks the source for at most one hash per tree level, at most one of which is an incomplete
 * right edge (itself O(log n) complete subtrees), so it costs O(log n) look-ups and hashes when the source
 * stores complete subtrees. Verification costs O(log n) hashes.
 */
public record InclusionProof(long leafIndex, long treeSize, List<TreeHash> path) {
    public InclusionProof {
        if (leafIndex < 0 || treeSize < 0) {
            throw new AuditFormatException("negative leaf index or tree size: " + leafIndex + ", " + treeSize);
        }
        path = List.copyOf(Objects.requireNonNull(path, "path"));
        if (path.size() > 64) {
            throw new AuditFormatException("an inclusion path has at most 64 hashes, got " + path.size());
        }
    }

    /**
     * Generates the proof for leaf {@code leafIndex} in the tree formed by the first {@code treeSize} leaves
     * of {@code source} (an older checkpoint's size, or the current size). Fails with
     * {@code malformed_audit_data} unless {@code 0 <= leafIndex < treeSize <= source.size()}.
     */
    public static InclusionProof generate(LeafHashSource source, long leafIndex, long treeSize) {
        SubtreeRanges.requireWithin(source, treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new AuditFormatException("leaf " + leafIndex + " is not in a tree of " + treeSize + " leaves");
        }
        List<TreeHash> path = new ArrayList<>();
        collectPath(source, leafIndex, 0, treeSize, path);
        return new InclusionProof(leafIndex, treeSize, path);
    }

    private static void collectPath(LeafHashSource source, long m, long start, long end, List<TreeHash> path) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = MerkleTree.splitPoint(n);
        if (m < k) {
            collectPath(source, m, start, start + k, path);
            path.add(SubtreeRanges.rangeHash(source, start + k, end));
        } else {
            collectPath(source, m - k, start + k, end, path);
            path.add(SubtreeRanges.rangeHash(source, start, start + k));
        }
    }

    /**
     * The root this proof leads to from {@code leafHash} (RFC 9162 §2.1.3.2), or empty when the path does not
     * have the shape a tree of {@link #treeSize} leaves requires for {@link #leafIndex}.
     */
    public Optional<TreeHash> rootFrom(TreeHash leafHash) {
        Objects.requireNonNull(leafHash, "leafHash");
        if (leafIndex >= treeSize) {
            return Optional.empty();
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        TreeHash r = leafHash;
        for (TreeHash p : path) {
            if (sn == 0) {
                return Optional.empty();
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                // Skip the levels where this node is the right edge's only child (no sibling to hash).
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? Optional.of(r) : Optional.empty();
    }

    /** True when this proof shows {@code leafHash} at {@link #leafIndex} in the tree whose root is {@code root}. */
    public boolean verify(TreeHash leafHash, TreeHash root) {
        Objects.requireNonNull(root, "root");
        return rootFrom(leafHash).map(root::equals).orElse(false);
    }
}
