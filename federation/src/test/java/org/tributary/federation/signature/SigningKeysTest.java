package org.tributary.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rule for which key each signature scheme uses. */
class SigningKeysTest {
    private static final SigningKey RSA = new SigningKey(URI.create("https://a.example/users/ann#main-key"),
            KeyCodec.generate(KeyAlgorithm.RSA).getPrivate(), KeyAlgorithm.RSA);
    private static final SigningKey ED25519 = new SigningKey(URI.create("https://a.example/users/ann#ed25519-key"),
            KeyCodec.generate(KeyAlgorithm.ED25519).getPrivate(), KeyAlgorithm.ED25519);

    @Test
    void rfc9421UsesTheEd25519KeyAndCavageTheMainKey() {
        SigningKeys keys = SigningKeys.withEd25519(RSA, ED25519);

        assertEquals(ED25519, keys.forScheme(SignatureScheme.RFC9421));
        assertEquals(RSA, keys.forScheme(SignatureScheme.CAVAGE));
    }

    @Test
    void withoutAnEd25519KeyBothSchemesUseTheMainKey() {
        SigningKeys keys = SigningKeys.only(RSA);

        assertEquals(RSA, keys.forScheme(SignatureScheme.RFC9421));
        assertEquals(RSA, keys.forScheme(SignatureScheme.CAVAGE));
    }

    @Test
    void theEd25519SlotTakesOnlyAnEd25519Key() {
        assertThrows(IllegalArgumentException.class, () -> new SigningKeys(RSA, Optional.of(RSA)));
    }
}
