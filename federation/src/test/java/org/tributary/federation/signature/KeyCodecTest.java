package org.tributary.federation.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyCodecTest {

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void generatedKeysRoundTripThroughPemAsStandardJdkKeys(KeyAlgorithm algorithm) throws KeyFormatException {
        KeyPair pair = Fixtures.keyPair(algorithm);

        String publicPem = KeyCodec.encodePublicKeyPem(pair.getPublic());
        String privatePem = KeyCodec.encodePrivateKeyPem(pair.getPrivate());
        PublicKey publicKey = KeyCodec.decodePublicKeyPem(publicPem);
        PrivateKey privateKey = KeyCodec.decodePrivateKeyPem(privatePem);

        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertArrayEquals(pair.getPublic().getEncoded(), publicKey.getEncoded());
        assertArrayEquals(pair.getPrivate().getEncoded(), privateKey.getEncoded());
        assertEquals("X.509", publicKey.getFormat());
        assertEquals("PKCS#8", privateKey.getFormat());
        assertEquals(Optional.of(algorithm), KeyCodec.algorithmOf(publicKey));
        assertEquals(Optional.of(algorithm), KeyCodec.algorithmOf(privateKey));
    }

    @Test
    void rsaKeysAre2048Bits() {
        assertEquals(2048, ((RSAPublicKey) Fixtures.keyPair(KeyAlgorithm.RSA).getPublic()).getModulus().bitLength());
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void decodedKeysSignAndVerify(KeyAlgorithm algorithm) throws KeyFormatException {
        KeyPair pair = Fixtures.keyPair(algorithm);
        PrivateKey privateKey = KeyCodec.decodePrivateKeyPem(KeyCodec.encodePrivateKeyPem(pair.getPrivate()));
        PublicKey publicKey = KeyCodec.decodePublicKeyPem(KeyCodec.encodePublicKeyPem(pair.getPublic()));
        byte[] message = "message".getBytes(StandardCharsets.US_ASCII);

        SignaturePrimitive primitive = SignaturePrimitive.of(algorithm);

        assertTrue(primitive.verify(publicKey, message, primitive.sign(privateKey, message)));
    }

    @Test
    void pkcs1RsaKeysFromTheRfcAreAPair() throws KeyFormatException {
        RSAPublicKey publicKey = (RSAPublicKey) Vectors.publicKey("rfc9421-test-key-rsa.pub.pem");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) Vectors.privateKey("rfc9421-test-key-rsa.pem");

        assertEquals(publicKey.getModulus(), privateKey.getModulus());
        assertEquals(publicKey.getPublicExponent(), privateKey.getPublicExponent());
    }

    @Test
    void fep521aEd25519Vector() throws KeyFormatException {
        Properties vectors = Vectors.properties("fep-521a.properties");
        PublicKey key = Ed25519Keys.publicKeyFromRaw(HexFormat.of().parseHex(vectors.getProperty("ed25519.publicKeyHex")));

        assertEquals(vectors.getProperty("ed25519.publicKeyMultibase"), KeyCodec.encodeMultikey(key));
        assertArrayEquals(key.getEncoded(),
                KeyCodec.decodeMultikey(vectors.getProperty("ed25519.publicKeyMultibase")).getEncoded());
    }

    @Test
    void fep521aRsaVector() throws KeyFormatException {
        Properties vectors = Vectors.properties("fep-521a.properties");
        String multibase = vectors.getProperty("rsa.publicKeyMultibase");
        byte[] pkcs1 = HexFormat.of().parseHex(Vectors.text("fep-521a-rsa-key.hex").trim());

        PublicKey key = KeyCodec.decodeMultikey(multibase);

        assertEquals(Optional.of(KeyAlgorithm.RSA), KeyCodec.algorithmOf(key));
        assertEquals(multibase, KeyCodec.encodeMultikey(key));
        assertEquals(multibase, "z" + Base58Btc.encode(concat(new byte[] {(byte) 0x85, 0x24}, pkcs1)));
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void generatedKeysRoundTripThroughMultikey(KeyAlgorithm algorithm) throws KeyFormatException {
        PublicKey key = Fixtures.keyPair(algorithm).getPublic();

        assertArrayEquals(key.getEncoded(), KeyCodec.decodeMultikey(KeyCodec.encodeMultikey(key)).getEncoded());
    }

    @Test
    void base58KeepsLeadingZeros() {
        byte[] bytes = {0, 0, 1, 2, (byte) 0xff};

        assertEquals("11", Base58Btc.encode(new byte[2]));
        assertArrayEquals(bytes, Base58Btc.decode(Base58Btc.encode(bytes)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not pem", "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n"})
    void unreadablePublicKeyPemIsAKeyFormatException(String pem) {
        assertThrows(KeyFormatException.class, () -> KeyCodec.decodePublicKeyPem(pem));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "z", "6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "z0OIl", "z6Mkha", "zQmYwAPJzv5CZsnA"})
    void unreadableMultikeyIsAKeyFormatException(String value) {
        assertThrows(KeyFormatException.class, () -> KeyCodec.decodeMultikey(value));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
