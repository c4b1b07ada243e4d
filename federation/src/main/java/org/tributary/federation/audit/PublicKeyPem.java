package org.tributary.federation.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the node's verification key from an SPKI ({@code -----BEGIN PUBLIC KEY-----}) PEM block, the form
 * nodes publish, so that an offline verifier needs nothing else. Only Ed25519 and RSA keys are accepted.
 */
final class PublicKeyPem {
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private PublicKeyPem() {
    }

    static PublicKey parse(String pem) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new AuditFormatException("not an SPKI PEM public key (expected " + BEGIN + ")");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new AuditFormatException("the PEM public key is not base64", e);
        }
        for (String algorithm : new String[] {"Ed25519", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // Not this algorithm; try the next.
            }
        }
        throw new AuditFormatException("the PEM public key is neither an Ed25519 nor an RSA key");
    }
}
