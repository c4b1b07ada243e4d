package org.tributary.federation.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;

/** draft-cavage-http-signatures-12 Appendix C, with the draft's own key. */
class CavageVectorsTest {
    /** Sun, 05 Jan 2014 21:31:40 GMT, the vectors' Date. */
    private static final long VECTOR_DATE = 1388957500L;

    private static PublicKey publicKey;
    private static PrivateKey privateKey;
    private static Properties expected;

    @BeforeAll
    static void load() throws KeyFormatException {
        publicKey = Vectors.publicKey("cavage-12-test-key.pub.pem");
        privateKey = Vectors.privateKey("cavage-12-test-key.pem");
        expected = Vectors.properties("cavage-12-appendix-c.properties");
    }

    @Test
    void c1DefaultTestCoversOnlyDate() throws SignatureFailure {
        HttpRequestParts request = signedWith("c1.signature");
        CavageSignatureHeader header = CavageSignatureHeader.parse(expected.getProperty("c1.signature"));

        assertEquals(List.of("date"), header.headers());
        assertEquals(expected.getProperty("c1.signingString"), signingString(request, header));
        assertTrue(CavageScheme.verifySignatureOnly(request, publicKey));
    }

    @Test
    void c1SignatureIsReproducedByteForByte() throws SignatureFailure {
        String produced = CavageScheme.signatureHeader(Vectors.request("cavage-12-request.http"), "Test",
                "rsa-sha256", List.of("date"), new RsaPkcs1Sha256(), privateKey);

        assertArrayEquals(CavageSignatureHeader.parse(expected.getProperty("c1.signature")).signature(),
                CavageSignatureHeader.parse(produced).signature());
    }

    @Test
    void c2BasicTestSigningStringAndSignatureVerify() throws SignatureFailure {
        HttpRequestParts request = signedWith("c2.signature");
        CavageSignatureHeader header = CavageSignatureHeader.parse(expected.getProperty("c2.signature"));

        assertEquals(expected.getProperty("c2.signingString"), signingString(request, header));
        assertTrue(CavageScheme.verifySignatureOnly(request, publicKey));
    }

    @Test
    void c2HeaderIsReproducedExactly() {
        String produced = CavageScheme.signatureHeader(Vectors.request("cavage-12-request.http"), "Test",
                "rsa-sha256", List.of("(request-target)", "host", "date"), new RsaPkcs1Sha256(), privateKey);

        assertEquals(expected.getProperty("c2.signature"), produced);
    }

    @Test
    void c2PassesTheFullVerifierWhenTheUncoveredBodyIsLeftOut() {
        // C.2 signs no digest, so it meets our profile only for a request without content.
        HttpRequestParts signed = signedWith("c2.signature");
        HttpRequestParts withoutBody = new HttpRequestParts(signed.method(), signed.targetUri(),
                HeaderMap.of(Map.of(
                        "Host", List.of("example.com"),
                        "Date", signed.headers().all("date"),
                        "Signature", signed.headers().all("signature"))),
                new byte[0]);

        VerificationResult result = verifierAtVectorDate().verify(withoutBody, publicKey);

        assertEquals(new VerificationResult.Verified(SignatureScheme.CAVAGE, URI.create("Test")), result);
    }

    @Test
    void c1FailsTheFullVerifierBecauseItDoesNotCoverTheRequestTarget() {
        VerificationResult result = verifierAtVectorDate().verify(signedWith("c1.signature"), publicKey);

        assertEquals(FederationError.SIGNATURE_MALFORMED, assertInstanceOf(VerificationResult.Failed.class, result).error());
    }

    @Test
    void c2FailsWhenTheRequestTargetIsChanged() throws SignatureFailure {
        HttpRequestParts signed = signedWith("c2.signature");
        HttpRequestParts moved = new HttpRequestParts(signed.method(), URI.create("https://example.com/foo?param=value&pet=cat"),
                signed.headers(), signed.body());

        assertTrue(!CavageScheme.verifySignatureOnly(moved, publicKey));
    }

    private static HttpSignatures verifierAtVectorDate() {
        return new HttpSignatures(Vectors.clockAt(VECTOR_DATE), Duration.ofHours(1), Duration.ofMinutes(5));
    }

    private static HttpRequestParts signedWith(String key) {
        HttpRequestParts request = Vectors.request("cavage-12-request.http");
        return request.withHeaders(request.headers().with("Signature", expected.getProperty(key)));
    }

    private static String signingString(HttpRequestParts request, CavageSignatureHeader header) throws SignatureFailure {
        return CavageSigningString.build(request, header.headers(), OptionalLong.empty(), OptionalLong.empty());
    }
}
