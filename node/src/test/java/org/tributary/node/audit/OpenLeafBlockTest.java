package org.tributary.node.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.federation.audit.MerkleTree;
import org.tributary.federation.audit.TreeHash;

/** Which rows of leaf blocks a batch writes, and what stays open after it. */
class OpenLeafBlockTest {
    private int next;

    @Test
    void aBatchWithinTheOpenBlockInsertsItsRowOnceAndThenExtendsIt() {
        OpenLeafBlock.Appended first = new OpenLeafBlock(0, List.of(), false).append(leaves(3));

        assertEquals(1, first.rows().size());
        assertRow(first.rows().get(0), 0, 3, 0);
        assertEquals(0, first.open().index());
        assertTrue(first.open().stored());

        OpenLeafBlock.Appended second = first.open().append(leaves(2));

        assertRow(second.rows().get(0), 0, 5, 3);
        assertEquals(first.open().leaves(), second.rows().get(0).leaves().subList(0, 3), "the earlier leaves stay");
    }

    @Test
    void aBatchThatFillsBlocksWritesEachAndOpensTheNext() {
        OpenLeafBlock open = new OpenLeafBlock(0, leaves(10), true);

        OpenLeafBlock.Appended appended = open.append(leaves(6 + 16 + 3));

        assertEquals(3, appended.rows().size());
        assertRow(appended.rows().get(0), 0, 16, 10);
        assertRow(appended.rows().get(1), 1, 16, 0);
        assertRow(appended.rows().get(2), 2, 3, 0);
        assertEquals(2, appended.open().index());
        assertEquals(3, appended.open().leaves().size());
        assertTrue(appended.open().stored());
    }

    @Test
    void aBatchThatEndsOnABlockBoundaryLeavesANewEmptyBlockWithoutARow() {
        OpenLeafBlock.Appended appended = new OpenLeafBlock(4, leaves(12), true).append(leaves(4));

        assertEquals(1, appended.rows().size());
        assertRow(appended.rows().get(0), 4, 16, 12);
        assertEquals(5, appended.open().index());
        assertTrue(appended.open().leaves().isEmpty());
        assertFalse(appended.open().stored());
    }

    private static void assertRow(AuditLogStore.LeafBlock row, long index, int leaves, int alreadyKept) {
        assertEquals(index, row.index());
        assertEquals(leaves, row.leaves().size());
        assertEquals(alreadyKept, row.alreadyKept());
    }

    private List<TreeHash> leaves(int count) {
        List<TreeHash> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(MerkleTree.leafHash(("leaf " + next++).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }
}
