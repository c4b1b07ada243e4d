package org.tributary.federation.audit;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.SigningKey;

/** Fresh node keys for tests, from the JDK's own generators. */
final class TestKeys {
    static final URI ORIGIN = URI.create("https://sales.example.com");
    static final URI KEY_ID = URI.create("https://sales.example.com/actor#main-key");

    private TestKeys() {
    }

    static KeyPair ed25519() {
        return generate("Ed25519", 0);
    }

    static KeyPair rsa() {
        return generate("RSA", 2048);
    }

    static SigningKey signingKey(KeyPair pair, KeyAlgorithm algorithm) {
        return new SigningKey(KEY_ID, pair.getPrivate(), algorithm);
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (bits > 0) {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
