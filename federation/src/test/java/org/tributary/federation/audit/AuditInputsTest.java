package org.tributary.federation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;
import org.tributary.federation.signature.KeyAlgorithm;

/** Bad input to the audit API fails with {@code malformed_audit_data}, never an unexpected exception. */
class AuditInputsTest {

    private static void assertMalformed(Runnable action) {
        AuditFormatException e = assertThrows(AuditFormatException.class, action::run);
        assertEquals(FederationError.MALFORMED_AUDIT_DATA, e.error());
    }

    @Test
    void hashesMustBe32BytesOfValidText() {
        assertMalformed(() -> TreeHash.of(new byte[31]));
        assertMalformed(() -> TreeHash.fromHex("zz"));
        assertMalformed(() -> TreeHash.fromHex("00"));
        assertMalformed(() -> TreeHash.fromBase64("%%%"));
        TreeHash h = MerkleTree.sha256(new byte[] {1});
        assertEquals(h, TreeHash.fromBase64(h.base64()));
        assertEquals(h, TreeHash.fromHex(h.hex().toUpperCase()));
        assertNotEquals(h, ReferenceMerkle.flipBit(h, 200));
    }

    @Test
    void theInMemorySourceRefusesSubtreesItDoesNotHave() {
        InMemoryLeafHashSource source = InMemoryLeafHashSource.of(ReferenceMerkle.leafHashes(6));
        assertMalformed(() -> source.leafHash(6));
        assertMalformed(() -> source.completeSubtreeHash(2, 1));
        assertMalformed(() -> source.completeSubtreeHash(-1, 0));
        assertMalformed(() -> MerkleTree.rootOf(source, 7));
    }

    @Test
    void aSourceWithOnlyLeavesGivesTheSameProofsThroughTheDefaultSubtreeHash() {
        List<TreeHash> leaves = ReferenceMerkle.leafHashes(37);
        LeafHashSource leavesOnly = new LeafHashSource() {
            @Override
            public long size() {
                return leaves.size();
            }

            @Override
            public TreeHash leafHash(long index) {
                return leaves.get((int) index);
            }
        };
        InMemoryLeafHashSource stored = InMemoryLeafHashSource.of(leaves);
        for (int n = 1; n <= 37; n++) {
            for (int m = 0; m < n; m++) {
                assertEquals(InclusionProof.generate(stored, m, n), InclusionProof.generate(leavesOnly, m, n));
                assertEquals(ConsistencyProof.generate(stored, m, n), ConsistencyProof.generate(leavesOnly, m, n));
            }
        }
    }

    @Test
    void aPemThatHoldsNoUsableKeyIsRejected() {
        assertMalformed(() -> AuditBundleVerifier.forPublicKeyPem("hello"));
        assertMalformed(() -> AuditBundleVerifier.forPublicKeyPem(
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
        assertMalformed(() -> AuditBundleVerifier.forPublicKeyPem(
                "-----BEGIN PUBLIC KEY-----\n!!\n-----END PUBLIC KEY-----"));
    }

    @Test
    void aBundleThatCannotBeReadIsReportedAsUnreadable() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public void close() {
            }
        };
        BundleVerification result = new AuditBundleVerifier(TestKeys.ed25519().getPublic()).verify(broken);
        assertEquals(BundleFailure.UNREADABLE, assertInstanceOf(BundleVerification.Failed.class, result).reason());
    }

    @Test
    void theWriterRefusesEntriesThatAreNotTheLogs() {
        BundleFixture fixture = new BundleFixture(TestKeys.ed25519(), KeyAlgorithm.ED25519);
        AuditBundleWriter writer = new AuditBundleWriter();
        StringWriter out = new StringWriter();
        assertMalformed(() -> write(writer, out, fixture, fixture.checkpoints, i -> AuditEntryTest.sample(i + 1), 0, 5));
        assertMalformed(() -> write(writer, out, fixture, fixture.checkpoints, i -> fixture.entries.get((int) i), 0, 41));
        assertMalformed(() -> write(writer, out, fixture, List.of(), i -> fixture.entries.get((int) i), 0, 1));
        assertMalformed(() -> write(writer, out, fixture,
                List.of(fixture.checkpoints.get(1), fixture.checkpoints.get(0)), i -> fixture.entries.get((int) i), 0, 1));
    }

    private static void write(AuditBundleWriter writer, StringWriter out, BundleFixture fixture,
                              List<SignedCheckpoint> checkpoints, java.util.function.LongFunction<AuditEntry> entries,
                              long from, long to) {
        try {
            writer.write(out, URI.create("https://sales.example.com"), checkpoints, fixture.log, entries, from, to);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
