package org.tributary.federation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.tributary.federation.signature.KeyAlgorithm;

class AuditBundleVerifierTest {
    private final KeyPair keys = TestKeys.ed25519();
    private final BundleFixture fixture = new BundleFixture(keys, KeyAlgorithm.ED25519);
    private final AuditBundleVerifier verifier = new AuditBundleVerifier(keys.getPublic());

    private static int lineOf(List<String> lines, long entry) {
        return BundleFixture.FIRST_ENTRY_LINE + (int) entry;
    }

    private BundleVerification.Failed failed(List<String> lines) {
        return assertInstanceOf(BundleVerification.Failed.class, verifier.verify(BundleFixture.join(lines)));
    }

    private static void assertFailure(BundleVerification.Failed failure, long line, OptionalLong entry,
                                      BundleFailure reason) {
        assertEquals(reason, failure.reason(), failure.detail());
        assertEquals(line, failure.line(), failure.detail());
        assertEquals(entry, failure.entryIndex(), failure.detail());
    }

    @Test
    void anIntactFullExportVerifies() {
        BundleVerification.Verified ok = assertInstanceOf(BundleVerification.Verified.class,
                verifier.verify(fixture.bundle(0, 40)));
        assertTrue(ok.coversWholeLog());
        assertEquals(TestKeys.ORIGIN, ok.origin());
        assertEquals(List.of(13L, 30L, 40L), ok.checkpoints().stream().map(Checkpoint::treeSize).toList());
        assertEquals(fixture.log.root(), ok.newest().rootHash());
    }

    @Test
    void aPartialExportVerifiesButSaysItIsPartial() {
        BundleVerification.Verified ok = assertInstanceOf(BundleVerification.Verified.class,
                verifier.verify(fixture.bundle(10, 25)));
        assertFalse(ok.coversWholeLog());
        assertEquals(10, ok.from());
        assertEquals(25, ok.to());
    }

    @Test
    void rsaSignedBundlesVerifyWithAPemKey() {
        KeyPair rsa = TestKeys.rsa();
        BundleFixture rsaFixture = new BundleFixture(rsa, KeyAlgorithm.RSA);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(rsa.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertTrue(AuditBundleVerifier.forPublicKeyPem(pem).verify(rsaFixture.bundle(0, 40)).verified());
        assertFalse(verifier.verify(rsaFixture.bundle(0, 40)).verified());
    }

    @Test
    void anAlteredEntryIsNamed() {
        List<String> lines = fixture.lines();
        int line = lineOf(lines, 17);
        lines.set(line - 1, lines.get(line - 1).replace("\"activityType\":\"Create\"", "\"activityType\":\"Delete\""));
        assertFailure(failed(lines), line, OptionalLong.of(17), BundleFailure.ENTRY_NOT_INCLUDED);
    }

    @Test
    void aDeletedEntryIsNamed() {
        List<String> lines = fixture.lines();
        int line = lineOf(lines, 17);
        lines.remove(line - 1);
        assertFailure(failed(lines), line, OptionalLong.of(17), BundleFailure.ENTRY_MISSING);
    }

    @Test
    void twoReorderedEntriesAreNamed() {
        List<String> lines = fixture.lines();
        int line = lineOf(lines, 17);
        String seventeen = lines.get(line - 1);
        lines.set(line - 1, lines.get(line));
        lines.set(line, seventeen);
        BundleVerification.Failed failure = failed(lines);
        assertFailure(failure, line, OptionalLong.of(17), BundleFailure.ENTRY_OUT_OF_ORDER);
        assertTrue(failure.detail().contains("line " + (line + 1)), failure.detail());
    }

    @Test
    void entriesMovedWithRewrittenIndicesAreCaught() {
        List<String> lines = fixture.lines();
        int line = lineOf(lines, 17);
        String seventeen = lines.get(line - 1);
        String eighteen = lines.get(line);
        lines.set(line - 1, eighteen.replace("\"leafIndex\":18", "\"leafIndex\":17"));
        lines.set(line, seventeen.replace("\"leafIndex\":17", "\"leafIndex\":18"));
        assertFailure(failed(lines), line, OptionalLong.of(17), BundleFailure.SEQUENCE_MISMATCH);
    }

    @Test
    void aTruncatedFileIsNamed() {
        List<String> lines = fixture.lines();
        List<String> cut = lines.subList(0, lineOf(lines, 35) - 1);
        assertFailure(failed(cut), lineOf(lines, 35), OptionalLong.of(35), BundleFailure.TRUNCATED);
    }

    @Test
    void aTruncatedLogIsNamed() {
        // After checkpoint 40 the node dropped its last five entries and signed a checkpoint of size 35.
        List<String> lines = fixture.lines();
        BundleLineCodec codec = new BundleLineCodec();
        SignedCheckpoint shrunk = fixture.sign(35, BundleFixture.T0.plusSeconds(600));
        lines.add(6, codec.consistency(new ConsistencyProof(40, 35, List.of())));
        lines.add(7, codec.checkpoint(shrunk));
        assertFailure(failed(lines), 8, OptionalLong.of(35), BundleFailure.LOG_SHRUNK);
    }

    @Test
    void aForgedCheckpointSignatureIsNamed() {
        List<String> lines = fixture.lines();
        SignedCheckpoint genuine = fixture.checkpoints.get(1);
        Checkpoint inflated = new Checkpoint(TestKeys.ORIGIN, 31, MerkleTree.rootOf(fixture.log, 31),
                genuine.checkpoint().timestamp());
        lines.set(3, new BundleLineCodec().checkpoint(
                new SignedCheckpoint(inflated, genuine.keyId(), genuine.algorithm(), genuine.signature())));
        assertFailure(failed(lines), 4, OptionalLong.empty(), BundleFailure.BAD_CHECKPOINT_SIGNATURE);

        BundleFixture stranger = new BundleFixture(TestKeys.ed25519(), KeyAlgorithm.ED25519);
        assertFailure(assertInstanceOf(BundleVerification.Failed.class, verifier.verify(stranger.bundle(0, 40))),
                2, OptionalLong.empty(), BundleFailure.BAD_CHECKPOINT_SIGNATURE);
    }

    @Test
    void aRewrittenHistoryBetweenCheckpointsIsNamed() {
        List<String> lines = fixture.lines();
        lines.set(2, new BundleLineCodec().consistency(new ConsistencyProof(13, 30,
                List.of(ReferenceMerkle.leafHashes(1).get(0), ReferenceMerkle.leafHashes(2).get(1)))));
        assertFailure(failed(lines), 3, OptionalLong.empty(), BundleFailure.INCONSISTENT_CHECKPOINTS);
    }

    @Test
    void structuralProblemsAreNamed() {
        List<String> noConsistency = fixture.lines();
        noConsistency.remove(2);
        assertFailure(failed(noConsistency), 3, OptionalLong.empty(), BundleFailure.MISSING_CONSISTENCY_PROOF);

        List<String> garbled = fixture.lines();
        garbled.set(lineOf(garbled, 5) - 1, "{\"type\":\"entry\",\"leafIndex\":5");
        assertFailure(failed(garbled), lineOf(garbled, 5), OptionalLong.empty(), BundleFailure.MALFORMED_LINE);

        List<String> headless = fixture.lines();
        headless.remove(0);
        assertEquals(BundleFailure.BAD_HEADER, failed(headless).reason());

        List<String> overreaching = fixture.lines();
        overreaching.set(0, overreaching.get(0).replace("\"to\":40", "\"to\":41"));
        assertFailure(failed(overreaching), 1, OptionalLong.empty(), BundleFailure.NO_COVERING_CHECKPOINT);

        List<String> foreign = fixture.lines();
        foreign.set(0, foreign.get(0).replace("sales.example.com", "hr.example.com"));
        assertFailure(failed(foreign), 2, OptionalLong.empty(), BundleFailure.ORIGIN_MISMATCH);

        List<String> duplicated = fixture.lines();
        duplicated.add(lineOf(duplicated, 9), duplicated.get(lineOf(duplicated, 9) - 1));
        assertFailure(failed(duplicated), lineOf(duplicated, 10), OptionalLong.of(9), BundleFailure.ENTRY_OUT_OF_ORDER);

        List<String> late = fixture.lines();
        late.add(late.remove(3));
        assertFailure(failed(late), 4, OptionalLong.empty(), BundleFailure.UNEXPECTED_LINE);

        assertEquals(BundleFailure.BAD_HEADER,
                assertInstanceOf(BundleVerification.Failed.class, verifier.verify("")).reason());
    }

    @Test
    void anUnknownCheckpointSizeIsNamed() {
        List<String> lines = fixture.lines();
        int line = lineOf(lines, 3);
        lines.set(line - 1, lines.get(line - 1).replace("\"checkpointSize\":13", "\"checkpointSize\":14"));
        assertFailure(failed(lines), line, OptionalLong.of(3), BundleFailure.UNKNOWN_CHECKPOINT);
    }
}
