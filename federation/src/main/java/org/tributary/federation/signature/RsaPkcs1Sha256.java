package org.tributary.federation.signature;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * RSASSA-PKCS1-v1_5 with SHA-256 through the JDK ({@code SHA256withRSA}): cavage {@code rsa-sha256}
 * and RFC 9421 {@code rsa-v1_5-sha256}. Deterministic, so published vectors reproduce byte for byte.
 */
final class RsaPkcs1Sha256 implements SignaturePrimitive {
    private static final String JDK_ALGORITHM = "SHA256withRSA";

    @Override
    public KeyAlgorithm keyAlgorithm() {
        return KeyAlgorithm.RSA;
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(JDK_ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this RSA key: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(JDK_ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
