package org.tributary.federation.signature;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Key encodings an actor's keys travel in: SPKI PEM ({@code publicKeyPem}), PKCS#8 PEM (how a node
 * stores its own private keys), PKCS#1 RSA PEM (found in published test vectors), and FEP-521a
 * Multikey ({@code publicKeyMultibase}). All keys come back as standard JDK key objects.
 */
public final class KeyCodec {
    /** Multicodec varint headers (FEP-521a): ed25519-pub is 0xed, rsa-pub is 0x1205. */
    private static final byte[] ED25519_PUB_HEADER = {(byte) 0xed, 0x01};
    private static final byte[] RSA_PUB_HEADER = {(byte) 0x85, 0x24};
    private static final int RSA_BITS = 2048;

    private KeyCodec() {
    }

    /** RSA or Ed25519, judged from the key itself; empty for any other key type. */
    public static Optional<KeyAlgorithm> algorithmOf(Key key) {
        if (key == null) {
            return Optional.empty();
        }
        if ("RSA".equalsIgnoreCase(key.getAlgorithm())) {
            return Optional.of(KeyAlgorithm.RSA);
        }
        return Ed25519Keys.isEd25519(key) ? Optional.of(KeyAlgorithm.ED25519) : Optional.empty();
    }

    /** A fresh key pair: RSA 2048 or Ed25519, as standard JDK keys. */
    public static KeyPair generate(KeyAlgorithm algorithm) {
        try {
            if (algorithm == KeyAlgorithm.RSA) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(RSA_BITS);
                return generator.generateKeyPair();
            }
            Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
            generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();
            Ed25519PrivateKeyParameters privateKey = (Ed25519PrivateKeyParameters) pair.getPrivate();
            return new KeyPair(
                    Ed25519Keys.publicKeyFromRaw(privateKey.generatePublicKey().getEncoded()),
                    Ed25519Keys.privateKeyFromSeed(privateKey.getEncoded()));
        } catch (GeneralSecurityException | KeyFormatException e) {
            throw new IllegalStateException("the JDK and Bouncy Castle always generate " + algorithm + " keys", e);
        }
    }

    /** {@code -----BEGIN PUBLIC KEY-----} (SubjectPublicKeyInfo), the form peers expect in {@code publicKeyPem}. */
    public static String encodePublicKeyPem(PublicKey key) {
        return Pem.encode("PUBLIC KEY", key.getEncoded());
    }

    /** {@code -----BEGIN PRIVATE KEY-----} (PKCS#8). */
    public static String encodePrivateKeyPem(PrivateKey key) {
        return Pem.encode("PRIVATE KEY", key.getEncoded());
    }

    /** Reads an SPKI ({@code PUBLIC KEY}) or PKCS#1 ({@code RSA PUBLIC KEY}) PEM public key. */
    public static PublicKey decodePublicKeyPem(String pem) throws KeyFormatException {
        Pem.Block block = Pem.decode(pem);
        return switch (block.label()) {
            case "PUBLIC KEY" -> decodeSubjectPublicKeyInfo(block.der());
            case "RSA PUBLIC KEY" -> decodePkcs1PublicKey(block.der());
            default -> throw new KeyFormatException("not a public key PEM block: " + block.label());
        };
    }

    /** Reads a PKCS#8 ({@code PRIVATE KEY}) or PKCS#1 ({@code RSA PRIVATE KEY}) PEM private key. */
    public static PrivateKey decodePrivateKeyPem(String pem) throws KeyFormatException {
        Pem.Block block = Pem.decode(pem);
        return switch (block.label()) {
            case "PRIVATE KEY" -> decodePkcs8PrivateKey(block.der());
            case "RSA PRIVATE KEY" -> decodePkcs1PrivateKey(block.der());
            default -> throw new KeyFormatException("not a private key PEM block: " + block.label());
        };
    }

    /** FEP-521a {@code publicKeyMultibase}: {@code z} + base58btc(multicodec header + key bytes). */
    public static String encodeMultikey(PublicKey key) throws KeyFormatException {
        KeyAlgorithm algorithm = algorithmOf(key)
                .orElseThrow(() -> new KeyFormatException("only RSA and Ed25519 keys have a Multikey form here"));
        byte[] header = algorithm == KeyAlgorithm.RSA ? RSA_PUB_HEADER : ED25519_PUB_HEADER;
        byte[] body = algorithm == KeyAlgorithm.RSA ? pkcs1PublicKey((RSAPublicKey) key) : Ed25519Keys.rawPublicKey(key);
        byte[] all = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return "z" + Base58Btc.encode(all);
    }

    /** Reads a FEP-521a {@code publicKeyMultibase} value holding an Ed25519 or RSA public key. */
    public static PublicKey decodeMultikey(String multibase) throws KeyFormatException {
        if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != 'z') {
            throw new KeyFormatException("a Multikey value is base58btc multibase, starting with 'z'");
        }
        byte[] all;
        try {
            all = Base58Btc.decode(multibase.substring(1));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("Multikey value is not base58btc", e);
        }
        if (all.length > 2) {
            byte[] header = Arrays.copyOf(all, 2);
            byte[] body = Arrays.copyOfRange(all, 2, all.length);
            if (Arrays.equals(header, ED25519_PUB_HEADER)) {
                return Ed25519Keys.publicKeyFromRaw(body);
            }
            if (Arrays.equals(header, RSA_PUB_HEADER)) {
                return decodePkcs1PublicKey(body);
            }
        }
        throw new KeyFormatException("Multikey holds neither an ed25519-pub nor an rsa-pub key");
    }

    private static PublicKey decodeSubjectPublicKeyInfo(byte[] der) throws KeyFormatException {
        ASN1ObjectIdentifier oid;
        try {
            oid = SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm();
        } catch (RuntimeException e) {
            throw new KeyFormatException("not a SubjectPublicKeyInfo structure", e);
        }
        try {
            return KeyFactory.getInstance(jdkKeyFactory(oid)).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("public key rejected: " + e.getMessage(), e);
        }
    }

    private static PrivateKey decodePkcs8PrivateKey(byte[] der) throws KeyFormatException {
        ASN1ObjectIdentifier oid;
        try {
            oid = PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm();
        } catch (RuntimeException e) {
            throw new KeyFormatException("not a PKCS#8 PrivateKeyInfo structure", e);
        }
        try {
            return KeyFactory.getInstance(jdkKeyFactory(oid)).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("private key rejected: " + e.getMessage(), e);
        }
    }

    private static String jdkKeyFactory(ASN1ObjectIdentifier oid) throws KeyFormatException {
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            return "RSA";
        }
        if (Ed25519Keys.OID.equals(oid)) {
            return "Ed25519";
        }
        throw new KeyFormatException("unsupported key algorithm " + oid.getId());
    }

    private static PublicKey decodePkcs1PublicKey(byte[] der) throws KeyFormatException {
        try {
            org.bouncycastle.asn1.pkcs.RSAPublicKey rsa = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(der);
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyFormatException("not a PKCS#1 RSA public key", e);
        }
    }

    private static PrivateKey decodePkcs1PrivateKey(byte[] der) throws KeyFormatException {
        try {
            org.bouncycastle.asn1.pkcs.RSAPrivateKey rsa = org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(der);
            return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                    rsa.getModulus(), rsa.getPublicExponent(), rsa.getPrivateExponent(),
                    rsa.getPrime1(), rsa.getPrime2(), rsa.getExponent1(), rsa.getExponent2(),
                    rsa.getCoefficient()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyFormatException("not a PKCS#1 RSA private key", e);
        }
    }

    private static byte[] pkcs1PublicKey(RSAPublicKey key) throws KeyFormatException {
        BigInteger modulus = key.getModulus();
        try {
            return new org.bouncycastle.asn1.pkcs.RSAPublicKey(modulus, key.getPublicExponent()).getEncoded();
        } catch (IOException e) {
            throw new KeyFormatException("RSA key cannot be DER-encoded", e);
        }
    }
}
