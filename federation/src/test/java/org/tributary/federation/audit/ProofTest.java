package org.tributary.federation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;

/** Inclusion and consistency proofs for every pair of sizes up to 64 leaves, and their tampered variants. */
class ProofTest {
    private static final int MAX = 64;
    private final List<TreeHash> leaves = ReferenceMerkle.leafHashes(MAX);
    private final InMemoryLeafHashSource source = InMemoryLeafHashSource.of(leaves);
    private final TreeHash[] roots = rootsBySize();

    private TreeHash[] rootsBySize() {
        TreeHash[] result = new TreeHash[MAX + 1];
        for (int n = 0; n <= MAX; n++) {
            result[n] = TreeHash.of(ReferenceMerkle.mth(ReferenceMerkle.raw(leaves.subList(0, n))));
        }
        return result;
    }

    @Test
    void everyInclusionProofVerifiesAndNoTamperedVariantDoes() {
        for (int n = 1; n <= MAX; n++) {
            for (int m = 0; m < n; m++) {
                InclusionProof proof = InclusionProof.generate(source, m, n);
                String at = "leaf " + m + " of " + n;
                assertTrue(proof.verify(leaves.get(m), roots[n]), at);
                for (InclusionProof bad : tamperedInclusion(proof)) {
                    assertFalse(bad.verify(leaves.get(m), rootFor(bad.treeSize(), n)), at + " accepted " + bad);
                }
                assertFalse(proof.verify(leaves.get((m + 1) % MAX), roots[n]), at + " with another leaf");
                assertFalse(proof.verify(leaves.get(m), roots[n - 1]), at + " against the previous root");
                assertFalse(proof.verify(leaves.get(m), roots[(n % MAX) + 1]), at + " against the next root");
            }
        }
    }

    /**
     * A claimed size travels with its own root (both come from one checkpoint), so a proof replayed under
     * another size is checked against that size's root; sizes beyond the test log keep the original root.
     */
    private TreeHash rootFor(long claimedSize, int actualSize) {
        return claimedSize <= MAX ? roots[(int) claimedSize] : roots[actualSize];
    }

    private static List<InclusionProof> tamperedInclusion(InclusionProof p) {
        List<InclusionProof> bad = new ArrayList<>();
        long m = p.leafIndex();
        long n = p.treeSize();
        if (m > 0) {
            bad.add(new InclusionProof(m - 1, n, p.path()));
        }
        bad.add(new InclusionProof(m + 1, n, p.path()));
        bad.add(new InclusionProof(m ^ 2, n, p.path()));
        bad.add(new InclusionProof(m, n * 2, p.path()));
        bad.add(new InclusionProof(m, n / 2, p.path()));
        bad.add(new InclusionProof(m, n + 1, p.path()));
        bad.addAll(tamperedPaths(p.path()).stream().map(path -> new InclusionProof(m, n, path)).toList());
        return bad.stream().filter(b -> !(b.leafIndex() == m && b.treeSize() == n && b.path().equals(p.path())))
                .toList();
    }

    @Test
    void everyConsistencyProofVerifiesAndNoTamperedVariantDoes() {
        for (int n = 0; n <= MAX; n++) {
            for (int m = 0; m <= n; m++) {
                ConsistencyProof proof = ConsistencyProof.generate(source, m, n);
                String at = m + " -> " + n;
                assertTrue(proof.verify(roots[m], roots[n]), at);
                if (m == 0 || m == n) {
                    assertTrue(proof.path().isEmpty(), at + " needs no nodes");
                    continue;
                }
                for (ConsistencyProof bad : tamperedConsistency(proof)) {
                    assertFalse(bad.verify(rootFor(bad.fromSize(), m), rootFor(bad.toSize(), n)),
                            at + " accepted " + bad);
                }
                assertFalse(proof.verify(roots[n], roots[m]), at + " with swapped roots");
                assertFalse(proof.verify(roots[m - 1], roots[n]), at + " with a wrong old root");
                assertFalse(proof.verify(roots[m], roots[n - 1]), at + " with a wrong new root");
            }
        }
    }

    private static List<ConsistencyProof> tamperedConsistency(ConsistencyProof p) {
        List<ConsistencyProof> bad = new ArrayList<>();
        long m = p.fromSize();
        long n = p.toSize();
        bad.add(new ConsistencyProof(m - 1, n, p.path()));
        bad.add(new ConsistencyProof(m + 1, n, p.path()));
        bad.add(new ConsistencyProof(m ^ 2, n, p.path()));
        bad.add(new ConsistencyProof(m, n * 2, p.path()));
        bad.add(new ConsistencyProof(m, n / 2, p.path()));
        bad.add(new ConsistencyProof(m, n + 1, p.path()));
        bad.add(new ConsistencyProof(m, n, List.of()));
        bad.addAll(tamperedPaths(p.path()).stream().map(path -> new ConsistencyProof(m, n, path)).toList());
        return bad.stream().filter(b -> !(b.fromSize() == m && b.toSize() == n && b.path().equals(p.path())))
                .toList();
    }

    /** Each hash with one bit flipped, one hash dropped from either end, and a hash added at either end. */
    private static List<List<TreeHash>> tamperedPaths(List<TreeHash> path) {
        List<List<TreeHash>> variants = new ArrayList<>();
        TreeHash extra = ReferenceMerkle.leafHashes(1).get(0);
        for (int i = 0; i < path.size(); i++) {
            List<TreeHash> flipped = new ArrayList<>(path);
            flipped.set(i, ReferenceMerkle.flipBit(path.get(i), 3 + i));
            variants.add(flipped);
        }
        if (!path.isEmpty()) {
            variants.add(path.subList(0, path.size() - 1));
            variants.add(path.subList(1, path.size()));
        }
        List<TreeHash> appended = new ArrayList<>(path);
        appended.add(extra);
        variants.add(appended);
        List<TreeHash> prepended = new ArrayList<>();
        prepended.add(extra);
        prepended.addAll(path);
        variants.add(prepended);
        return variants;
    }

    @Test
    void consistencyRejectsAShrinkingOrDivergentTree() {
        assertFalse(new ConsistencyProof(5, 4, List.of()).verify(roots[5], roots[4]));
        assertFalse(new ConsistencyProof(7, 7, List.of()).verify(roots[7], roots[6]));
        assertFalse(new ConsistencyProof(0, 3, List.of(roots[1])).verify(roots[0], roots[3]));
        assertFalse(new ConsistencyProof(3, 3, List.of(roots[3])).verify(roots[3], roots[3]));
    }

    @Test
    void proofsForOlderTreeSizesComeFromTheSameGrowingSource() {
        InMemoryLeafHashSource growing = new InMemoryLeafHashSource();
        for (int i = 0; i < 20; i++) {
            growing.append(leaves.get(i));
        }
        InclusionProof early = InclusionProof.generate(growing, 3, 11);
        assertTrue(early.verify(leaves.get(3), roots[11]));
        assertEquals(roots[20], growing.root());
    }

    @Test
    void generationRejectsIndicesOutsideTheLog() {
        for (Runnable bad : List.<Runnable>of(
                () -> InclusionProof.generate(source, 5, 5),
                () -> InclusionProof.generate(source, -1, 5),
                () -> InclusionProof.generate(source, 0, MAX + 1),
                () -> ConsistencyProof.generate(source, 6, 5),
                () -> ConsistencyProof.generate(source, 1, MAX + 1),
                () -> new InclusionProof(-1, 3, List.of()),
                () -> new ConsistencyProof(1, -3, List.of()))) {
            AuditFormatException e = assertThrows(AuditFormatException.class, bad::run);
            assertEquals(FederationError.MALFORMED_AUDIT_DATA, e.error());
        }
    }

    @Test
    void aSingleLeafTreeProvesItselfWithAnEmptyPath() {
        InclusionProof proof = InclusionProof.generate(source, 0, 1);
        assertTrue(proof.path().isEmpty());
        assertTrue(proof.verify(leaves.get(0), leaves.get(0)));
        assertFalse(proof.verify(leaves.get(0), leaves.get(1)));
    }
}
