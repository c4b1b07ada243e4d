package org.tributary.federation.signature;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Moves Ed25519 keys between the JDK's key objects (which store as standard X.509/PKCS#8 encodings and
 * so as PEM) and Bouncy Castle's lightweight parameter objects (which sign and verify much faster than
 * the JDK provider). Keys from any provider are accepted, as long as they have standard encodings.
 */
final class Ed25519Keys {
    static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier("1.3.101.112");
    static final int KEY_LENGTH = 32;

    private Ed25519Keys() {
    }

    static boolean isEd25519(java.security.Key key) {
        String algorithm = key.getAlgorithm();
        if (!"EdDSA".equalsIgnoreCase(algorithm) && !"Ed25519".equalsIgnoreCase(algorithm)) {
            return false;
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            return false;
        }
        try {
            AlgorithmIdentifier id = key instanceof PublicKey
                    ? SubjectPublicKeyInfo.getInstance(encoded).getAlgorithm()
                    : PrivateKeyInfo.getInstance(encoded).getPrivateKeyAlgorithm();
            return OID.equals(id.getAlgorithm());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Ed25519PublicKeyParameters toParameters(PublicKey key) throws KeyFormatException {
        try {
            AsymmetricKeyParameter parameters = PublicKeyFactory.createKey(key.getEncoded());
            if (parameters instanceof Ed25519PublicKeyParameters ed) {
                return ed;
            }
        } catch (IOException | RuntimeException e) {
            throw new KeyFormatException("not an Ed25519 public key", e);
        }
        throw new KeyFormatException("not an Ed25519 public key");
    }

    static Ed25519PrivateKeyParameters toParameters(PrivateKey key) throws KeyFormatException {
        try {
            AsymmetricKeyParameter parameters = PrivateKeyFactory.createKey(key.getEncoded());
            if (parameters instanceof Ed25519PrivateKeyParameters ed) {
                return ed;
            }
        } catch (IOException | RuntimeException e) {
            throw new KeyFormatException("not an Ed25519 private key", e);
        }
        throw new KeyFormatException("not an Ed25519 private key");
    }

    static byte[] rawPublicKey(PublicKey key) throws KeyFormatException {
        return toParameters(key).getEncoded();
    }

    /** A JDK public key from the 32 raw key bytes of RFC 8032. */
    static PublicKey publicKeyFromRaw(byte[] raw) throws KeyFormatException {
        if (raw.length != KEY_LENGTH) {
            throw new KeyFormatException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        try {
            byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(OID), raw).getEncoded();
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyFormatException("Ed25519 public key rejected: " + e.getMessage(), e);
        }
    }

    /** A JDK private key (PKCS#8 v1) from the 32-byte RFC 8032 seed. */
    static PrivateKey privateKeyFromSeed(byte[] seed) throws KeyFormatException {
        if (seed.length != KEY_LENGTH) {
            throw new KeyFormatException("an Ed25519 private key has 32 bytes, not " + seed.length);
        }
        try {
            byte[] pkcs8 = new PrivateKeyInfo(new AlgorithmIdentifier(OID), new DEROctetString(seed)).getEncoded();
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyFormatException("Ed25519 private key rejected: " + e.getMessage(), e);
        }
    }
}
