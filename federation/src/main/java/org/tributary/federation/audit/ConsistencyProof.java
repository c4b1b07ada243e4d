package org.tributary.federation.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Proof that the tree of {@code fromSize} leaves is a prefix of the tree of {@code toSize} leaves: the
 * RFC 9162 §2.1.4.1 {@code PROOF(m, D[n]) = SUBPROOF(m, D[n], true)}. It shows that nothing in the older
 * tree was altered, removed or reordered, and that the log was not truncated.
 *
 * <p>For {@code fromSize == 0} or {@code fromSize == toSize} the proof is empty. Generation costs O(log n)
 * complete-subtree look-ups and hashes when the source stores them; verification O(log n) hashes.
 */
public record ConsistencyProof(long fromSize, long toSize, List<TreeHash> path) {
    public ConsistencyProof {
        if (fromSize < 0 || toSize < 0) {
            throw new AuditFormatException("negative tree size: " + fromSize + ", " + toSize);
        }
        path = List.copyOf(Objects.requireNonNull(path, "path"));
        if (path.size() > 128) {
            throw new AuditFormatException("a consistency path has at most 128 hashes, got " + path.size());
        }
    }

    /**
     * Generates the proof between the first {@code fromSize} and the first {@code toSize} leaves of
     * {@code source}. Fails with {@code malformed_audit_data} unless {@code 0 <= fromSize <= toSize <= size}.
     */
    public static ConsistencyProof generate(LeafHashSource source, long fromSize, long toSize) {
        SubtreeRanges.requireWithin(source, toSize);
        if (fromSize < 0 || fromSize > toSize) {
            throw new AuditFormatException("cannot prove tree size " + fromSize + " is a prefix of " + toSize);
        }
        List<TreeHash> path = new ArrayList<>();
        if (fromSize > 0 && fromSize < toSize) {
            collectSubproof(source, fromSize, 0, toSize, true, path);
        }
        return new ConsistencyProof(fromSize, toSize, path);
    }

    /** {@code SUBPROOF(m, D[start:end], startsAtOldRoot)}, appended to {@code path} in the RFC's order. */
    private static void collectSubproof(LeafHashSource source, long m, long start, long end,
                                        boolean startsAtOldRoot, List<TreeHash> path) {
        long n = end - start;
        if (m == n) {
            if (!startsAtOldRoot) {
                path.add(SubtreeRanges.rangeHash(source, start, end));
            }
            return;
        }
        long k = MerkleTree.splitPoint(n);
        if (m <= k) {
            collectSubproof(source, m, start, start + k, startsAtOldRoot, path);
            path.add(SubtreeRanges.rangeHash(source, start + k, end));
        } else {
            collectSubproof(source, m - k, start + k, end, false, path);
            path.add(SubtreeRanges.rangeHash(source, start, start + k));
        }
    }

    /**
     * True when this proof shows that the tree with root {@code fromRoot} ({@link #fromSize} leaves) is a
     * prefix of the tree with root {@code toRoot} ({@link #toSize} leaves), per RFC 9162 §2.1.4.2.
     */
    public boolean verify(TreeHash fromRoot, TreeHash toRoot) {
        Objects.requireNonNull(fromRoot, "fromRoot");
        Objects.requireNonNull(toRoot, "toRoot");
        if (fromSize > toSize) {
            return false;
        }
        if (fromSize == toSize) {
            return path.isEmpty() && fromRoot.equals(toRoot);
        }
        if (fromSize == 0) {
            // Every tree extends the empty one; there is nothing to prove.
            return path.isEmpty();
        }
        if (path.isEmpty()) {
            return false;
        }
        List<TreeHash> c = path;
        if (Long.bitCount(fromSize) == 1) {
            // The old tree is a complete subtree of the new one: its root is the proof's implicit first node.
            c = new ArrayList<>(path.size() + 1);
            c.add(fromRoot);
            c.addAll(path);
        }
        long fn = fromSize - 1;
        long sn = toSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        TreeHash fr = c.get(0);
        TreeHash sr = c.get(0);
        for (TreeHash node : c.subList(1, c.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleTree.nodeHash(node, fr);
                sr = MerkleTree.nodeHash(node, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleTree.nodeHash(sr, node);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.equals(fromRoot) && sr.equals(toRoot);
    }
}
