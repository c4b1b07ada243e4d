package org.tributary.federation.signature;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * One signature algorithm over raw bytes: the {@code HTTP_SIGN}/{@code HTTP_VERIFY} of RFC 9421 §3.3,
 * also used for draft-cavage signing strings. Both schemes share these, so each algorithm is written once.
 */
sealed interface SignaturePrimitive permits RsaPkcs1Sha256, Ed25519Primitive {

    KeyAlgorithm keyAlgorithm();

    /**
     * Signs {@code message}.
     *
     * @throws IllegalArgumentException if the key is not a usable key for this algorithm; a node only
     *     signs with its own keys, so this is a configuration error, not bad input from a peer
     */
    byte[] sign(PrivateKey key, byte[] message);

    /** True only for a valid signature; any unusable key or malformed signature is simply false. */
    boolean verify(PublicKey key, byte[] message, byte[] signature);

    static SignaturePrimitive of(KeyAlgorithm algorithm) {
        return algorithm == KeyAlgorithm.RSA ? new RsaPkcs1Sha256() : new Ed25519Primitive();
    }
}
