package org.tributary.federation.testing;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.signature.SigningKey;
import org.tributary.federation.spi.ResolvedKey;

/**
 * A remote or local actor for tests: its id, a key id and a real key pair, RSA-2048 under {@code <id>#main-key}
 * or Ed25519 under {@code <id>#ed25519-key}.
 */
public record TestActor(URI id, URI keyId, KeyPair keys) {

    public static TestActor rsa(String actorId) {
        return new TestActor(URI.create(actorId), URI.create(actorId + "#main-key"), newRsaKeyPair());
    }

    /** The same actor's Ed25519 key, as a node publishes it in {@code assertionMethod}. */
    public TestActor ed25519() {
        return new TestActor(id, URI.create(id + "#ed25519-key"), KeyCodec.generate(KeyAlgorithm.ED25519));
    }

    /** The same actor with a new key under the same key id, as after a key rotation. */
    public TestActor rotated() {
        return new TestActor(id, keyId, newRsaKeyPair());
    }

    public SigningKey signingKey() {
        return new SigningKey(keyId, keys.getPrivate(), KeyCodec.algorithmOf(keys.getPublic()).orElseThrow());
    }

    public ResolvedKey resolvedKey() {
        return new ResolvedKey(keyId, id, keys.getPublic());
    }

    private static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has RSA", impossible);
        }
    }
}
