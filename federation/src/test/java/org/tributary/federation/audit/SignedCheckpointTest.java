package org.tributary.federation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;
import org.tributary.federation.signature.KeyAlgorithm;

class SignedCheckpointTest {
    private static final TreeHash ROOT =
            TreeHash.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private static final Instant TIME = Instant.parse("2025-03-05T09:04:01.25Z");
    private static final Checkpoint CHECKPOINT = new Checkpoint(TestKeys.ORIGIN, 8, ROOT, TIME);
    private static KeyPair ed25519;
    private static KeyPair rsa;

    @BeforeAll
    static void keys() {
        ed25519 = TestKeys.ed25519();
        rsa = TestKeys.rsa();
    }

    @Test
    void canonicalTextIsFourNewlineTerminatedLines() {
        assertEquals("https://sales.example.com\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"
                + "2025-03-05T09:04:01.250Z\n", CHECKPOINT.canonicalText());
    }

    @Test
    void timestampsKeepMillisecondsOnly() {
        Checkpoint fine = new Checkpoint(TestKeys.ORIGIN, 8, ROOT, Instant.parse("2025-03-05T09:04:01.250999Z"));
        assertEquals(CHECKPOINT, fine);
    }

    @Test
    void originMustBeANodeUrl() {
        for (String bad : List.of("sales.example.com", "mailto:a@b.c", "https://x.example/#frag", "/relative")) {
            AuditFormatException e = assertThrows(AuditFormatException.class,
                    () -> new Checkpoint(URI.create(bad), 1, ROOT, TIME));
            assertEquals(FederationError.MALFORMED_AUDIT_DATA, e.error());
        }
    }

    @Test
    void ed25519AndRsaSignaturesVerifyWithTheMatchingPublicKeyOnly() {
        SignedCheckpoint byEd = SignedCheckpoint.sign(CHECKPOINT, TestKeys.signingKey(ed25519, KeyAlgorithm.ED25519));
        SignedCheckpoint byRsa = SignedCheckpoint.sign(CHECKPOINT, TestKeys.signingKey(rsa, KeyAlgorithm.RSA));
        assertTrue(byEd.verify(ed25519.getPublic()));
        assertTrue(byRsa.verify(rsa.getPublic()));
        assertFalse(byEd.verify(rsa.getPublic()));
        assertFalse(byRsa.verify(ed25519.getPublic()));
        assertFalse(byEd.verify(TestKeys.ed25519().getPublic()));
        assertFalse(byRsa.verify(TestKeys.rsa().getPublic()));
    }

    @Test
    void changingAnySignedFieldBreaksTheSignature() {
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            KeyPair pair = algorithm == KeyAlgorithm.RSA ? rsa : ed25519;
            SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, TestKeys.signingKey(pair, algorithm));
            List<Checkpoint> altered = List.of(
                    new Checkpoint(URI.create("https://evil.example.com"), 8, ROOT, TIME),
                    new Checkpoint(TestKeys.ORIGIN, 9, ROOT, TIME),
                    new Checkpoint(TestKeys.ORIGIN, 8, ReferenceMerkle.flipBit(ROOT, 0), TIME),
                    new Checkpoint(TestKeys.ORIGIN, 8, ROOT, TIME.plusMillis(1)));
            for (Checkpoint other : altered) {
                SignedCheckpoint forged = new SignedCheckpoint(other, signed.keyId(), algorithm, signed.signature());
                assertFalse(forged.verify(pair.getPublic()), algorithm + " accepted " + other);
            }
            byte[] flipped = signed.signature();
            flipped[flipped.length / 2] ^= 1;
            assertFalse(new SignedCheckpoint(CHECKPOINT, signed.keyId(), algorithm, flipped).verify(pair.getPublic()));
        }
    }

    @Test
    void jsonRoundTripKeepsAVerifiableCheckpoint() {
        SignedCheckpointJson codec = new SignedCheckpointJson();
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            KeyPair pair = algorithm == KeyAlgorithm.RSA ? rsa : ed25519;
            SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, TestKeys.signingKey(pair, algorithm));
            String json = codec.encode(signed);
            SignedCheckpoint decoded = codec.decode(json);
            assertEquals(signed, decoded);
            assertTrue(decoded.verify(pair.getPublic()));
            assertTrue(json.contains("\"timestamp\":\"2025-03-05T09:04:01.250Z\""), json);
        }
    }

    @Test
    void tamperedJsonNoLongerVerifies() {
        SignedCheckpointJson codec = new SignedCheckpointJson();
        SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, TestKeys.signingKey(ed25519, KeyAlgorithm.ED25519));
        String json = codec.encode(signed);
        SignedCheckpoint tampered = codec.decode(json.replace("\"treeSize\":8", "\"treeSize\":7"));
        assertEquals(7, tampered.checkpoint().treeSize());
        assertFalse(tampered.verify(ed25519.getPublic()));
    }

    @Test
    void malformedJsonFailsWithAStableCode() {
        SignedCheckpointJson codec = new SignedCheckpointJson();
        String good = codec.encode(SignedCheckpoint.sign(CHECKPOINT,
                TestKeys.signingKey(ed25519, KeyAlgorithm.ED25519)));
        List<String> bad = List.of(
                "{",
                "[]",
                good.replace("\"treeSize\":8", "\"treeSize\":-8"),
                good.replace("\"treeSize\":8", "\"treeSize\":\"8\""),
                good.replace("\"treeSize\":8", "\"treeSize\":8.5"),
                good.replace("2025-03-05T09:04:01.250Z", "2025-03-05T09:04:01.25Z"),
                good.replace("\"ed25519\"", "\"dsa\""),
                good.replace("\"rootHash\":\"", "\"rootHash\":\"AA"),
                good.replace("\"signature\":\"", "\"signature\":\"!"),
                good.replace("\"origin\"", "\"origine\""));
        for (String text : bad) {
            AuditFormatException e = assertThrows(AuditFormatException.class, () -> codec.decode(text), text);
            assertEquals(FederationError.MALFORMED_AUDIT_DATA, e.error());
        }
    }

    @Test
    void signingWithAKeyOfTheWrongTypeFailsWithAStableCode() {
        AuditFormatException e = assertThrows(AuditFormatException.class,
                () -> SignedCheckpoint.sign(CHECKPOINT, TestKeys.signingKey(rsa, KeyAlgorithm.ED25519)));
        assertEquals(FederationError.SIGNATURE_ALGORITHM_UNSUPPORTED, e.error());
    }
}
