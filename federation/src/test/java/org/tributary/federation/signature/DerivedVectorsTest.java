package org.tributary.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;

/** The Follow of {@code derived_vectors.txt}, signed both ways with RFC 9421's {@code test-key-rsa}. */
class DerivedVectorsTest {
    private static final URI KEY_ID = URI.create("https://a.example/users/alice#main-key");
    /** Tue, 20 Apr 2021 02:07:55 GMT: the Date, and the RFC 9421 signature's created. */
    private static final long SIGNED_AT = 1618884475L;

    private static PublicKey publicKey;
    private static PrivateKey privateKey;
    private static List<String> printed;

    @BeforeAll
    static void load() throws KeyFormatException {
        publicKey = Vectors.publicKey("rfc9421-test-key-rsa.pub.pem");
        privateKey = Vectors.privateKey("rfc9421-test-key-rsa.pem");
        printed = Arrays.asList(Vectors.text("derived_vectors.txt").split("\n"));
    }

    @Test
    void cavageFollowVerifies() {
        VerificationResult result = signatures().verify(Vectors.request("derived-follow-cavage.http"), publicKey);

        assertEquals(new VerificationResult.Verified(SignatureScheme.CAVAGE, KEY_ID), result);
    }

    @Test
    void rfc9421FollowVerifies() {
        VerificationResult result = signatures().verify(Vectors.request("derived-follow-rfc9421.http"), publicKey);

        assertEquals(new VerificationResult.Verified(SignatureScheme.RFC9421, KEY_ID), result);
    }

    @Test
    void digestsMatchThePrintedValues() {
        byte[] body = Vectors.request("derived-follow-cavage.http").body();

        assertEquals(after("Digest: "), Digests.digestHeader(body));
        assertEquals(after("Content-Digest: "), Digests.contentDigestHeader(body));
    }

    @Test
    void cavageSigningStringMatchesThePrintedOne() throws SignatureFailure {
        HttpRequestParts request = Vectors.request("derived-follow-cavage.http");

        String signingString = CavageSigningString.build(request,
                List.of("(request-target)", "host", "date", "digest"), OptionalLong.empty(), OptionalLong.empty());

        assertEquals(block("cavage signing string:", 4), signingString);
    }

    @Test
    void rfc9421SignatureBaseMatchesThePrintedOne() throws SignatureFailure {
        HttpRequestParts request = Vectors.request("derived-follow-rfc9421.http");

        String base = Rfc9421SignatureBase.build(request,
                Rfc9421Signature.select(request.headers(), Optional.empty()).input());

        assertEquals(block("RFC9421 signature base:", 4), base);
    }

    @Test
    void signingTheUnsignedFollowReproducesThePrintedCavageSignature() {
        HttpRequestParts signed = Vectors.request("derived-follow-cavage.http");
        HttpRequestParts unsigned = signed.withHeaders(HeaderMap.of(java.util.Map.of(
                "Host", List.of("b.example"),
                "Date", signed.headers().all("date"))));

        HttpRequestParts resigned = signatures().sign(unsigned, new SigningKey(KEY_ID, privateKey, KeyAlgorithm.RSA),
                SignatureScheme.CAVAGE);

        assertEquals(signed.headers().first("signature"), resigned.headers().first("signature"));
        assertEquals(signed.headers().first("digest"), resigned.headers().first("digest"));
    }

    @Test
    void theRfc9421SignatureIsReproducedFromItsPrintedParameters() {
        HttpRequestParts signed = Vectors.request("derived-follow-rfc9421.http");
        Rfc9421Signature printedSignature;
        try {
            printedSignature = Rfc9421Signature.select(signed.headers(), Optional.empty());
        } catch (SignatureFailure e) {
            throw new AssertionError(e.detail());
        }

        Rfc9421Scheme.SignatureFields fields = Rfc9421Scheme.signatureFields(signed, "sig1", printedSignature.input(),
                new RsaPkcs1Sha256(), privateKey);

        assertEquals(signed.headers().first("signature-input").orElseThrow(), fields.signatureInput());
        assertEquals(signed.headers().first("signature").orElseThrow(), fields.signature());
    }

    private static HttpSignatures signatures() {
        return new HttpSignatures(Vectors.clockAt(SIGNED_AT), Duration.ofHours(1), Duration.ofMinutes(5));
    }

    private static String after(String prefix) {
        return printed.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }

    private static String block(String heading, int lines) {
        int start = printed.indexOf(heading) + 1;
        return String.join("\n", printed.subList(start, start + lines));
    }
}
