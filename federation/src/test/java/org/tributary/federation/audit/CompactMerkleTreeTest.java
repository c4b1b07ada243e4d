package org.tributary.federation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;

class CompactMerkleTreeTest {

    @Test
    void incrementalRootEqualsRecursiveDefinitionForSizesUpTo300() {
        List<TreeHash> leaves = ReferenceMerkle.leafHashes(300);
        CompactMerkleTree tree = new CompactMerkleTree();
        for (int size = 0; size <= 300; size++) {
            byte[] expected = ReferenceMerkle.mth(ReferenceMerkle.raw(leaves.subList(0, size)));
            assertTrue(ReferenceMerkle.same(expected, tree.root()), "size " + size);
            assertTrue(ReferenceMerkle.same(expected, MerkleTree.rootOf(leaves.subList(0, size))), "list " + size);
            assertEquals(size, tree.size());
            assertEquals(Long.bitCount(size), tree.peaks().size(), "O(log n) state at size " + size);
            if (size < 300) {
                tree.append(leaves.get(size));
            }
        }
    }

    @Test
    void emptyTreeRootIsSha256OfNothing() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                new CompactMerkleTree().root().hex());
    }

    @Test
    void appendReportsEveryCompletedSubtreeWithItsTrueHash() {
        List<TreeHash> leaves = ReferenceMerkle.leafHashes(16);
        CompactMerkleTree tree = new CompactMerkleTree();
        tree.append(leaves.get(0));
        tree.append(leaves.get(1));
        tree.append(leaves.get(2));
        List<CompleteSubtree> finished = tree.append(leaves.get(3));
        assertEquals(3, finished.size());
        assertEquals(new CompleteSubtree(0, 3, leaves.get(3)), finished.get(0));
        assertEquals(new CompleteSubtree(1, 1, MerkleTree.rootOf(leaves.subList(2, 4))), finished.get(1));
        assertEquals(new CompleteSubtree(2, 0, MerkleTree.rootOf(leaves.subList(0, 4))), finished.get(2));
        assertEquals(0, finished.get(2).firstLeaf());
        assertEquals(4, finished.get(2).width());
    }

    @Test
    void restoredTreeContinuesExactlyWhereTheOldOneStopped() {
        List<TreeHash> leaves = ReferenceMerkle.leafHashes(40);
        CompactMerkleTree original = new CompactMerkleTree();
        leaves.subList(0, 27).forEach(original::append);

        CompactMerkleTree fromPeaks = CompactMerkleTree.restore(original.size(), original.peaks());
        CompactMerkleTree fromSource = CompactMerkleTree.restore(InMemoryLeafHashSource.of(leaves), 27);
        assertEquals(original.root(), fromPeaks.root());
        assertEquals(original.root(), fromSource.root());
        leaves.subList(27, 40).forEach(fromPeaks::append);
        leaves.subList(27, 40).forEach(fromSource::append);
        assertEquals(MerkleTree.rootOf(leaves), fromPeaks.root());
        assertEquals(MerkleTree.rootOf(leaves), fromSource.root());
    }

    @Test
    void restoreRejectsPeaksThatDoNotFitTheSize() {
        AuditFormatException e = assertThrows(AuditFormatException.class,
                () -> CompactMerkleTree.restore(5, ReferenceMerkle.leafHashes(1)));
        assertEquals(FederationError.MALFORMED_AUDIT_DATA, e.error());
    }
}
