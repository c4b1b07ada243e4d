package org.tributary.node.keys;

import java.security.PrivateKey;
import java.security.PublicKey;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.signature.KeyFormatException;

/**
 * Decodes keys the node itself stored. A key we wrote that no longer decodes means the store is
 * damaged, not that a peer sent bad input, so it surfaces as an unchecked error.
 */
public final class KeyPems {
    private KeyPems() {
    }

    public static PublicKey publicKey(String pem) {
        try {
            return KeyCodec.decodePublicKeyPem(pem);
        } catch (KeyFormatException e) {
            throw new IllegalStateException("stored public key does not decode: " + e.getMessage(), e);
        }
    }

    public static PrivateKey privateKey(String pem) {
        try {
            return KeyCodec.decodePrivateKeyPem(pem);
        } catch (KeyFormatException e) {
            throw new IllegalStateException("stored private key does not decode: " + e.getMessage(), e);
        }
    }

    /** The FEP-521a {@code publicKeyMultibase} of a stored public key. */
    public static String multikey(String publicPem) {
        try {
            return KeyCodec.encodeMultikey(publicKey(publicPem));
        } catch (KeyFormatException e) {
            throw new IllegalStateException("stored public key has no Multikey form: " + e.getMessage(), e);
        }
    }
}
