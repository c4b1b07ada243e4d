package org.tributary.federation.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;

/** RFC 9421's published examples: signature bases, verification and (deterministic algorithms) signing. */
class Rfc9421VectorsTest {
    private static PublicKey ed25519Public;
    private static PrivateKey ed25519Private;
    private static PublicKey rsaPublic;
    private static PrivateKey rsaPrivate;

    @BeforeAll
    static void load() throws KeyFormatException {
        ed25519Public = Vectors.publicKey("rfc9421-test-key-ed25519.pub.pem");
        ed25519Private = Vectors.privateKey("rfc9421-test-key-ed25519.pem");
        rsaPublic = Vectors.publicKey("rfc9421-test-key-rsa.pub.pem");
        rsaPrivate = Vectors.privateKey("rfc9421-test-key-rsa.pem");
    }

    @Test
    void b26Ed25519SignatureBaseMatchesTheRfc() throws SignatureFailure {
        assertEquals(Vectors.text("rfc9421-b2-6-ed25519.base"), base("rfc9421-b2-6-ed25519.http", "sig-b26"));
    }

    @Test
    void b26Ed25519SignatureVerifies() throws SignatureFailure {
        assertTrue(Rfc9421Scheme.verifySignatureOnly(Vectors.request("rfc9421-b2-6-ed25519.http"), "sig-b26", ed25519Public));
    }

    @Test
    void b26Ed25519SignatureIsReproduced() throws SignatureFailure {
        assertReproduced("rfc9421-b2-6-ed25519.http", "sig-b26", new Ed25519Primitive(), ed25519Private);
    }

    @Test
    void b26FailsTheFullVerifierBecauseItsBodyHasNoCoveredDigest() {
        VerificationResult result = verifierAt(1618884473L).verify(Vectors.request("rfc9421-b2-6-ed25519.http"), ed25519Public);

        assertEquals(FederationError.SIGNATURE_MALFORMED, assertInstanceOf(VerificationResult.Failed.class, result).error());
    }

    @Test
    void proxySignatureBaseMatchesTheRfc() throws SignatureFailure {
        assertEquals(Vectors.text("rfc9421-4-3-proxy-sig.base"), base("rfc9421-4-3-proxy-sig.http", "proxy_sig"));
    }

    @Test
    void proxySignatureRsaV15Sha256Verifies() throws SignatureFailure {
        assertTrue(Rfc9421Scheme.verifySignatureOnly(Vectors.request("rfc9421-4-3-proxy-sig.http"), "proxy_sig", rsaPublic));
    }

    @Test
    void proxySignatureRsaV15Sha256IsReproduced() throws SignatureFailure {
        assertReproduced("rfc9421-4-3-proxy-sig.http", "proxy_sig", new RsaPkcs1Sha256(), rsaPrivate);
    }

    @Test
    void proxySignatureFailsWithTheWrongKey() throws SignatureFailure {
        assertFalse(Rfc9421Scheme.verifySignatureOnly(Vectors.request("rfc9421-4-3-proxy-sig.http"), "proxy_sig", ed25519Public));
    }

    @Test
    void aContentDigestWithoutSha256IsAMissingDigestForTheFullVerifier() {
        // The RFC's request carries only a sha-512 Content-Digest; the profile requires sha-256.
        VerificationResult result = verifierAt(1618884480L).verify(Vectors.request("rfc9421-4-3-proxy-sig.http"), rsaPublic);

        assertEquals(FederationError.DIGEST_MISSING, assertInstanceOf(VerificationResult.Failed.class, result).error());
    }

    @Test
    void transformExampleJoinsRepeatedFieldsWithCommaSpace() throws SignatureFailure {
        assertEquals(Vectors.text("rfc9421-b4-transform.base"), base("rfc9421-b4-transform.http", "transform"));
        assertTrue(Rfc9421Scheme.verifySignatureOnly(Vectors.request("rfc9421-b4-transform.http"), "transform", ed25519Public));
        assertReproduced("rfc9421-b4-transform.http", "transform", new Ed25519Primitive(), ed25519Private);
    }

    @Test
    void transformExampleStillVerifiesWithAcceptCollapsedToOneLine() throws SignatureFailure {
        HttpRequestParts original = Vectors.request("rfc9421-b4-transform.http");
        HttpRequestParts collapsed = original.withHeaders(original.headers().with("Accept", "application/json, */*"));

        assertTrue(Rfc9421Scheme.verifySignatureOnly(collapsed, "transform", ed25519Public));
    }

    @Test
    void transformExampleFailsWithAcceptLinesSwapped() throws SignatureFailure {
        HttpRequestParts original = Vectors.request("rfc9421-b4-transform.http");
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>(original.headers().asMap());
        headers.put("accept", List.of("*/*", "application/json"));
        HttpRequestParts swapped = original.withHeaders(HeaderMap.of(headers));

        assertFalse(Rfc9421Scheme.verifySignatureOnly(swapped, "transform", ed25519Public));
    }

    private static String base(String requestFile, String label) throws SignatureFailure {
        HttpRequestParts request = Vectors.request(requestFile);
        return Rfc9421SignatureBase.build(request, Rfc9421Signature.select(request.headers(), Optional.of(label)).input());
    }

    /** Signs the example's own components and parameters and compares with the published bytes. */
    private static void assertReproduced(String requestFile, String label, SignaturePrimitive primitive,
            PrivateKey key) throws SignatureFailure {
        HttpRequestParts request = Vectors.request(requestFile);
        Rfc9421Signature published = Rfc9421Signature.select(request.headers(), Optional.of(label));

        Rfc9421Scheme.SignatureFields produced = Rfc9421Scheme.signatureFields(request, label, published.input(), primitive, key);
        HttpRequestParts resigned = request.withHeaders(request.headers()
                .with("Signature-Input", produced.signatureInput())
                .with("Signature", produced.signature()));

        assertArrayEquals(published.signature(),
                Rfc9421Signature.select(resigned.headers(), Optional.of(label)).signature());
    }

    private static HttpSignatures verifierAt(long epochSecond) {
        return new HttpSignatures(Vectors.clockAt(epochSecond), Duration.ofHours(1), Duration.ofMinutes(5));
    }
}
