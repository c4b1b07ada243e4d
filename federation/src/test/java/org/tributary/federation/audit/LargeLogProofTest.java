package org.tributary.federation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proofs over a 1,000,000-leaf log read only O(log n) stored subtree hashes, never the whole log.
 */
class LargeLogProofTest {
    private static final int SIZE = 1_000_000;
    private static InMemoryLeafHashSource log;
    private static TreeHash[] sampleLeaves;

    @BeforeAll
    static void buildLog() {
        log = new InMemoryLeafHashSource();
        sampleLeaves = new TreeHash[SIZE];
        byte[] entry = new byte[8];
        for (int i = 0; i < SIZE; i++) {
            java.nio.ByteBuffer.wrap(entry).putLong(i);
            sampleLeaves[i] = MerkleTree.leafHash(entry);
            log.append(sampleLeaves[i]);
        }
    }

    /** Counts the look-ups a proof makes, the way a table-backed source would count queries. */
    private static final class CountingSource implements LeafHashSource {
        final AtomicLong lookups = new AtomicLong();

        @Override
        public long size() {
            return log.size();
        }

        @Override
        public TreeHash leafHash(long index) {
            lookups.incrementAndGet();
            return log.leafHash(index);
        }

        @Override
        public TreeHash completeSubtreeHash(int level, long index) {
            lookups.incrementAndGet();
            return log.completeSubtreeHash(level, index);
        }
    }

    @Test
    void inclusionProofsNeedLogarithmicallyManyLookups() {
        TreeHash root = log.root();
        for (long index : new long[] {0, 1, 524_287, 524_288, 999_998, 999_999, 777_777}) {
            CountingSource counting = new CountingSource();
            InclusionProof proof = InclusionProof.generate(counting, index, SIZE);
            assertTrue(proof.verify(sampleLeaves[(int) index], root), "leaf " + index);
            assertTrue(counting.lookups.get() <= 2 * 20, "leaf " + index + " took " + counting.lookups + " look-ups");
        }
    }

    @Test
    void consistencyProofsNeedLogarithmicallyManyLookups() {
        for (long from : new long[] {1, 1000, 524_288, 999_999, 123_457}) {
            CountingSource counting = new CountingSource();
            ConsistencyProof proof = ConsistencyProof.generate(counting, from, SIZE);
            long used = counting.lookups.get();
            assertTrue(proof.verify(MerkleTree.rootOf(log, from), log.root()), "from " + from);
            assertTrue(used <= 3 * 20, "from " + from + " took " + used + " look-ups");
        }
    }

    @Test
    void rootOfAnOlderSizeIsReadFromStoredSubtrees() {
        CountingSource counting = new CountingSource();
        TreeHash older = MerkleTree.rootOf(counting, 999_000);
        assertTrue(counting.lookups.get() <= 20);
        assertEquals(MerkleTree.rootOf(java.util.Arrays.asList(sampleLeaves).subList(0, 999_000)), older);
    }
}
