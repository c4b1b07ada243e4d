package org.tributary.federation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published RFC 6962 reference vectors in {@code spec/vectors/merkle/}. */
class MerkleVectorsTest {
    private static final List<String[]> RECORDS = new ArrayList<>();

    @BeforeAll
    static void readVectors() throws IOException {
        for (String line : Files.readAllLines(locate("spec/vectors/merkle/rfc6962-reference.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                RECORDS.add(line.split(" "));
            }
        }
    }

    static Path locate(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("cannot find " + relative + " above " + Path.of("").toAbsolutePath());
    }

    private static List<String[]> records(String kind) {
        return RECORDS.stream().filter(r -> r[0].equals(kind)).toList();
    }

    private static List<TreeHash> leafHashes() {
        List<TreeHash> leaves = new ArrayList<>();
        for (String[] r : records("leaf")) {
            byte[] input = r[2].equals("-") ? new byte[0] : HexFormat.of().parseHex(r[2]);
            leaves.add(MerkleTree.leafHash(input));
        }
        return leaves;
    }

    private static List<TreeHash> hashes(String[] record, int from) {
        return Arrays.stream(record, from, record.length).map(TreeHash::fromHex).toList();
    }

    @Test
    void vectorsAreAllPresent() {
        assertEquals(8, records("leaf").size());
        assertEquals(9, records("root").size());
        assertEquals(15, records("node").size());
        assertEquals(5, records("inclusion").size());
        assertEquals(5, records("consistency").size());
    }

    @Test
    void rootsOfEveryPrefixMatchByDefinitionAndIncrementally() {
        List<TreeHash> leaves = leafHashes();
        CompactMerkleTree compact = new CompactMerkleTree();
        InMemoryLeafHashSource source = InMemoryLeafHashSource.of(leaves);
        for (String[] r : records("root")) {
            int size = Integer.parseInt(r[1]);
            TreeHash expected = TreeHash.fromHex(r[2]);
            while (compact.size() < size) {
                compact.append(leaves.get((int) compact.size()));
            }
            assertEquals(expected, MerkleTree.rootOf(leaves.subList(0, size)), "root of " + size);
            assertEquals(expected, compact.root(), "compact root of " + size);
            assertEquals(expected, MerkleTree.rootOf(source, size), "source root of " + size);
        }
    }

    @Test
    void completeSubtreeHashesMatch() {
        InMemoryLeafHashSource source = InMemoryLeafHashSource.of(leafHashes());
        for (String[] r : records("node")) {
            assertEquals(TreeHash.fromHex(r[3]),
                    source.completeSubtreeHash(Integer.parseInt(r[1]), Long.parseLong(r[2])),
                    "node " + r[1] + "/" + r[2]);
        }
    }

    @Test
    void inclusionProofsAreGeneratedExactlyAndVerify() {
        List<TreeHash> leaves = leafHashes();
        InMemoryLeafHashSource source = InMemoryLeafHashSource.of(leaves);
        for (String[] r : records("inclusion")) {
            long index = Long.parseLong(r[1]);
            long size = Long.parseLong(r[2]);
            InclusionProof expected = new InclusionProof(index, size, hashes(r, 3));
            assertEquals(expected, InclusionProof.generate(source, index, size));
            TreeHash root = MerkleTree.rootOf(leaves.subList(0, (int) size));
            assertTrue(expected.verify(leaves.get((int) index), root), "inclusion " + index + "/" + size);
        }
    }

    @Test
    void consistencyProofsAreGeneratedExactlyAndVerify() {
        List<TreeHash> leaves = leafHashes();
        InMemoryLeafHashSource source = InMemoryLeafHashSource.of(leaves);
        for (String[] r : records("consistency")) {
            long from = Long.parseLong(r[1]);
            long to = Long.parseLong(r[2]);
            ConsistencyProof expected = new ConsistencyProof(from, to, hashes(r, 3));
            assertEquals(expected, ConsistencyProof.generate(source, from, to));
            assertTrue(expected.verify(MerkleTree.rootOf(source, from), MerkleTree.rootOf(source, to)),
                    "consistency " + from + "->" + to);
        }
    }
}
