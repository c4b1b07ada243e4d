package org.tributary.federation.testing;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.SigningKey;
import org.tributary.federation.spi.ResolvedKey;

/** A remote or local actor for tests: its id, its key id ({@code <id>#main-key}) and a real RSA-2048 key pair. */
public record TestActor(URI id, URI keyId, KeyPair keys) {

    public static TestActor rsa(String actorId) {
        return new TestActor(URI.create(actorId), URI.create(actorId + "#main-key"), newRsaKeyPair());
    }

    /** The same actor with a new key under the same key id, as after a key rotation. */
    public TestActor rotated() {
        return new TestActor(id, keyId, newRsaKeyPair());
    }

    public SigningKey signingKey() {
        return new SigningKey(keyId, keys.getPrivate(), KeyAlgorithm.RSA);
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
