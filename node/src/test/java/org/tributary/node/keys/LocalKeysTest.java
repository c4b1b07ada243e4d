package org.tributary.node.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.signature.SigningKey;
import org.tributary.federation.signature.SigningKeys;
import org.tributary.node.account.Account;
import org.tributary.node.testing.TestServices;

/** The key store, the local signing keys read from it, and the PEM helpers. */
class LocalKeysTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private static TestServices node;
    private static Account alice;

    @BeforeAll
    static void createNode() {
        node = new TestServices(Clock.fixed(NOW, ZoneOffset.UTC));
        alice = node.employee("alice");
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    @Test
    void signingKeysAreOurOwnPrivateKeysByKeyId() {
        LocalSigningKeys keys = new LocalSigningKeys(node.database, node.keyStore);

        SigningKey rsa = keys.signingKeyFor(node.uris.rsaKeyId("alice")).orElseThrow();
        assertEquals(KeyAlgorithm.RSA, rsa.algorithm());
        assertEquals(node.uris.rsaKeyId("alice"), rsa.keyId());
        assertEquals(KeyAlgorithm.ED25519, keys.signingKeyFor(node.uris.ed25519KeyId("alice")).orElseThrow()
                .algorithm());
        assertEquals(rsa, keys.signingKeyFor(node.uris.rsaKeyId("alice")).orElseThrow(), "served from memory");
        assertEquals(Optional.empty(), keys.signingKeyFor(node.uris.rsaKeyId("nobody")));
    }

    @Test
    void anActorsSigningKeysPairItsRsaKeyWithItsEd25519KeyForRfc9421() {
        LocalSigningKeys keys = new LocalSigningKeys(node.database, node.keyStore);

        SigningKeys alices = keys.signingKeysFor(node.uris.rsaKeyId("alice")).orElseThrow();

        assertEquals(node.uris.rsaKeyId("alice"), alices.forScheme(SignatureScheme.CAVAGE).keyId());
        assertEquals(KeyAlgorithm.RSA, alices.forScheme(SignatureScheme.CAVAGE).algorithm());
        assertEquals(node.uris.ed25519KeyId("alice"), alices.forScheme(SignatureScheme.RFC9421).keyId());
        assertEquals(KeyAlgorithm.ED25519, alices.forScheme(SignatureScheme.RFC9421).algorithm());
        assertEquals(alices, keys.signingKeysFor(node.uris.rsaKeyId("alice")).orElseThrow(), "served from memory");
        assertEquals(Optional.empty(), keys.signingKeysFor(node.uris.rsaKeyId("nobody")));
    }

    @Test
    void aPeersPublicKeyIsNeverASigningKey() {
        Account bob = node.remote("bob", "sales.example");
        URI keyId = URI.create(bob.uri() + "#main-key");
        KeyPair pair = KeyCodec.generate(KeyAlgorithm.ED25519);
        node.database.inTransactionVoid(connection -> node.keyStore.upsert(connection, new ActorKey(keyId, bob.uri(),
                bob.id(), KeyAlgorithm.ED25519, KeyCodec.encodePublicKeyPem(pair.getPublic()), null, NOW)));

        assertEquals(Optional.empty(), new LocalSigningKeys(node.database, node.keyStore).signingKeyFor(keyId));
        assertEquals(Optional.empty(), new LocalSigningKeys(node.database, node.keyStore).signingKeysFor(keyId));
    }

    @Test
    void upsertReplacesARotatedKey() {
        Account carol = node.remote("carol", "sales.example");
        URI keyId = URI.create(carol.uri() + "#main-key");
        String first = KeyCodec.encodePublicKeyPem(KeyCodec.generate(KeyAlgorithm.ED25519).getPublic());
        String rotated = KeyCodec.encodePublicKeyPem(KeyCodec.generate(KeyAlgorithm.ED25519).getPublic());
        for (String pem : List.of(first, rotated)) {
            node.database.inTransactionVoid(connection -> node.keyStore.upsert(connection, new ActorKey(keyId,
                    carol.uri(), carol.id(), KeyAlgorithm.ED25519, pem, null, NOW)));
        }

        List<ActorKey> stored = node.database.inTransaction(connection -> node.keyStore.ofAccount(connection,
                carol.id()));
        assertEquals(List.of(new ActorKey(keyId, carol.uri(), carol.id(), KeyAlgorithm.ED25519, rotated, null, NOW)),
                stored);
    }

    @Test
    void storedKeysThatNoLongerDecodeAreAnInternalError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyPems.publicKey("not a pem"));
        assertTrue(e.getMessage().startsWith("stored public key does not decode"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> KeyPems.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n"
                + "-----END PRIVATE KEY-----\n"));
        assertThrows(IllegalStateException.class, () -> KeyPems.multikey("garbage"));
    }

    @Test
    void multikeysRoundTripToTheSameKey() throws Exception {
        ActorKey ed25519 = node.accounts.keysOf(alice).get(0);
        assertEquals(KeyPems.publicKey(ed25519.publicPem()),
                KeyCodec.decodeMultikey(KeyPems.multikey(ed25519.publicPem())));
    }
}
