package org.tributary.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.StructuredFields.BareItem;
import org.tributary.federation.signature.StructuredFields.SfInteger;
import org.tributary.federation.signature.StructuredFields.SfString;

/** Each way a request can fail verification, with the exact error code. */
class HttpSignaturesRejectionTest {
    private static final PublicKey RSA = Fixtures.keyPair(KeyAlgorithm.RSA).getPublic();
    private static final PublicKey ED25519 = Fixtures.keyPair(KeyAlgorithm.ED25519).getPublic();

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aTamperedBodyIsADigestMismatch(SignatureScheme scheme) {
        HttpRequestParts signed = sign(Fixtures.post(), KeyAlgorithm.RSA, scheme);
        byte[] body = new String(signed.body(), StandardCharsets.UTF_8).replace("bob", "eve").getBytes(StandardCharsets.UTF_8);

        assertFails(FederationError.DIGEST_MISMATCH, new HttpRequestParts(signed.method(), signed.targetUri(),
                signed.headers(), body), RSA);
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aChangedTargetIsAnInvalidSignature(SignatureScheme scheme) {
        HttpRequestParts signed = sign(Fixtures.post(), KeyAlgorithm.ED25519, scheme);
        HttpRequestParts redirected = new HttpRequestParts(signed.method(),
                java.net.URI.create("https://b.example/users/carol/inbox"), signed.headers(), signed.body());

        assertFails(FederationError.SIGNATURE_INVALID, redirected, ED25519);
    }

    @Test
    void aChangedCoveredHeaderIsAnInvalidSignature() {
        HttpRequestParts signed = sign(Fixtures.post(), KeyAlgorithm.RSA, SignatureScheme.CAVAGE);

        assertFails(FederationError.SIGNATURE_INVALID,
                signed.withHeaders(signed.headers().with("Host", "c.example")), RSA);
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aChangedSignatureIsInvalid(SignatureScheme scheme) {
        HttpRequestParts signed = sign(Fixtures.get(), KeyAlgorithm.RSA, scheme);
        String signature = signed.headers().first("signature").orElseThrow();
        int at = signature.indexOf(scheme == SignatureScheme.CAVAGE ? "signature=\"" : "sig1=:") + 12;
        char flipped = signature.charAt(at) == 'A' ? 'B' : 'A';
        String tampered = signature.substring(0, at) + flipped + signature.substring(at + 1);

        assertFails(FederationError.SIGNATURE_INVALID, signed.withHeaders(signed.headers().with("Signature", tampered)), RSA);
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void anotherKeyOfTheSameTypeIsAnInvalidSignature(SignatureScheme scheme) {
        HttpRequestParts signed = sign(Fixtures.get(), KeyAlgorithm.ED25519, scheme);

        assertFails(FederationError.SIGNATURE_INVALID, signed, KeyCodec.generate(KeyAlgorithm.ED25519).getPublic());
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aSignatureOlderThanTheWindowIsRejected(SignatureScheme scheme) {
        HttpRequestParts signed = sign(Fixtures.post(), KeyAlgorithm.ED25519, scheme);
        HttpSignatures later = Fixtures.signaturesAt(Fixtures.NOW.plus(Duration.ofMinutes(61)));

        assertEquals(FederationError.DATE_OUT_OF_WINDOW, failure(later.verify(signed, ED25519)));
        assertEquals(true, Fixtures.signaturesAt(Fixtures.NOW.plus(Duration.ofMinutes(59))).verify(signed, ED25519).verified());
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aSignatureTooFarInTheFutureIsRejected(SignatureScheme scheme) {
        HttpRequestParts signed = sign(Fixtures.post(), KeyAlgorithm.ED25519, scheme);
        HttpSignatures earlier = Fixtures.signaturesAt(Fixtures.NOW.minus(Duration.ofMinutes(6)));

        assertEquals(FederationError.DATE_OUT_OF_WINDOW, failure(earlier.verify(signed, ED25519)));
        assertEquals(true, Fixtures.signaturesAt(Fixtures.NOW.minus(Duration.ofMinutes(4))).verify(signed, ED25519).verified());
    }

    @Test
    void anExpiredRfc9421SignatureIsRejected() {
        Map<String, BareItem> params = new LinkedHashMap<>();
        params.put("created", new SfInteger(Fixtures.NOW.getEpochSecond()));
        params.put("expires", new SfInteger(Fixtures.NOW.plusSeconds(30).getEpochSecond()));
        params.put("keyid", new SfString(Fixtures.KEY_ID.toString()));
        HttpRequestParts signed = rfc9421With(Fixtures.get(), RequestsForTests.input(List.of("@method", "@target-uri"), params));

        assertEquals(true, Fixtures.signaturesAt(Fixtures.NOW.plusSeconds(20)).verify(signed, ED25519).verified());
        assertEquals(FederationError.DATE_OUT_OF_WINDOW,
                failure(Fixtures.signaturesAt(Fixtures.NOW.plusSeconds(40)).verify(signed, ED25519)));
    }

    @Test
    void anUnreadableDateIsOutOfWindow() {
        HttpRequestParts signed = sign(Fixtures.get(), KeyAlgorithm.ED25519, SignatureScheme.CAVAGE);

        assertFails(FederationError.DATE_OUT_OF_WINDOW, signed.withHeaders(signed.headers().with("Date", "yesterday")), ED25519);
    }

    @Test
    void anUnsignedRequestIsMissingItsSignature() {
        assertFails(FederationError.SIGNATURE_MISSING, Fixtures.post(), RSA);
        assertEquals(FederationError.SIGNATURE_MISSING,
                assertInstanceOf(SignatureInspection.Unsigned.class, Fixtures.signatures().inspect(Fixtures.post())).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "keyId=\"x\"", "keyId=\"x\",signature=\"***\"", "keyId=\"x\" signature=\"AAAA\" keyId=\"y\"",
        "keyId=\"x,signature=\"AAAA\"", "=", "keyId=\"a b\",signature=\"AAAA\",headers=\"(request-target) host date\""})
    void aGarbageCavageSignatureIsMalformed(String value) {
        HttpRequestParts request = Fixtures.get().withHeaders(Fixtures.get().headers().with("Signature", value));

        assertFails(FederationError.SIGNATURE_MALFORMED, request, RSA);
        assertEquals(FederationError.SIGNATURE_MALFORMED,
                assertInstanceOf(SignatureInspection.Unsigned.class, Fixtures.signatures().inspect(request)).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sig1=(((", "sig1=(\"@method\" \"@target-uri\");created=1", "sig1=\"not a list\"",
        "sig1=(\"@method\" \"@target-uri\");keyid=\"k\"", "other=(\"@method\");created=1;keyid=\"k\"", "sig1=(@method)"})
    void aGarbageRfc9421SignatureIsMalformed(String input) {
        HttpRequestParts request = Fixtures.get().withHeaders(Fixtures.get().headers()
                .with("Signature-Input", input).with("Signature", "sig1=:AAAA:"));

        assertFails(FederationError.SIGNATURE_MALFORMED, request, ED25519);
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aPostWhoseDigestHeaderWasDroppedIsMissingItsDigest(SignatureScheme scheme) {
        HttpRequestParts signed = sign(Fixtures.post(), KeyAlgorithm.RSA, scheme);
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers().asMap());
        headers.remove(scheme == SignatureScheme.CAVAGE ? "digest" : "content-digest");

        assertFails(FederationError.DIGEST_MISSING, signed.withHeaders(HeaderMap.of(headers)), RSA);
    }

    @Test
    void aDigestWithoutSha256IsMissing() {
        HttpRequestParts signed = sign(Fixtures.post(), KeyAlgorithm.RSA, SignatureScheme.CAVAGE);

        assertFails(FederationError.DIGEST_MISSING,
                signed.withHeaders(signed.headers().with("Digest", "MD5=Sd/dVLAcvNLSq16eXua5uQ==")), RSA);
    }

    @Test
    void aCavagePostThatDoesNotSignItsDigestIsMalformed() {
        assertFails(FederationError.SIGNATURE_MALFORMED, cavageCovering(Fixtures.post(), "(request-target)", "host", "date"), RSA);
    }

    @Test
    void aCavageSignatureNotCoveringTheRequestTargetIsMalformed() {
        assertFails(FederationError.SIGNATURE_MALFORMED, cavageCovering(Fixtures.post(), "host", "date", "digest"), RSA);
    }

    @Test
    void anRfc9421SignatureNotCoveringTheMethodIsMalformed() {
        HttpRequestParts signed = rfc9421With(Fixtures.get(),
                RequestsForTests.input(List.of("@target-uri"), Fixtures.NOW, null));

        assertFails(FederationError.SIGNATURE_MALFORMED, signed, ED25519);
    }

    @Test
    void anRfc9421SignatureWithAnUnknownComponentIsMalformed() {
        HttpRequestParts request = Fixtures.get();
        String input = "sig1=(\"@method\" \"@target-uri\" \"@status\");created=" + Fixtures.NOW.getEpochSecond()
                + ";keyid=\"k\"";

        assertFails(FederationError.SIGNATURE_MALFORMED, request.withHeaders(request.headers()
                .with("Signature-Input", input).with("Signature", "sig1=:" + "A".repeat(86) + "==:")), ED25519);
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void anRsaSignatureCheckedWithAnEd25519KeyIsUnsupported(SignatureScheme scheme) {
        HttpRequestParts signed = sign(Fixtures.get(), KeyAlgorithm.RSA, scheme);

        assertFails(FederationError.SIGNATURE_ALGORITHM_UNSUPPORTED, signed, ED25519);
    }

    @Test
    void anEd25519Rfc9421SignatureCheckedWithAnRsaKeyIsUnsupported() {
        assertFails(FederationError.SIGNATURE_ALGORITHM_UNSUPPORTED,
                sign(Fixtures.get(), KeyAlgorithm.ED25519, SignatureScheme.RFC9421), RSA);
    }

    @Test
    void anEcKeyIsUnsupported() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);

        assertFails(FederationError.SIGNATURE_ALGORITHM_UNSUPPORTED,
                sign(Fixtures.get(), KeyAlgorithm.RSA, SignatureScheme.CAVAGE), generator.generateKeyPair().getPublic());
    }

    @Test
    void anUnknownRfc9421AlgorithmIsUnsupported() {
        HttpRequestParts signed = rfc9421With(Fixtures.get(),
                RequestsForTests.input(List.of("@method", "@target-uri"), Fixtures.NOW, "hmac-sha256"));

        assertFails(FederationError.SIGNATURE_ALGORITHM_UNSUPPORTED, signed, ED25519);
    }

    @Test
    void garbageEverywhereNeverThrows() {
        String[] junk = {"", " ", "\u0000", "sig1=", "sig1=()", "sig1=:=:", "keyId=", "\"", "(", ",,,", "é"};
        for (String a : junk) {
            for (String b : junk) {
                HttpRequestParts request = Fixtures.post().withHeaders(Fixtures.post().headers()
                        .with("Signature-Input", a).with("Signature", b).with("Content-Digest", b));
                assertInstanceOf(VerificationResult.Failed.class, Fixtures.signatures().verify(request, RSA));
                assertInstanceOf(SignatureInspection.Unsigned.class, Fixtures.signatures().inspect(request));
            }
        }
    }

    private static HttpRequestParts sign(HttpRequestParts request, KeyAlgorithm algorithm, SignatureScheme scheme) {
        return Fixtures.signatures().sign(request, Fixtures.signingKey(algorithm), scheme);
    }

    private static HttpRequestParts cavageCovering(HttpRequestParts request, String... headers) {
        HttpRequestParts prepared = request.withHeaders(request.headers()
                .with("Host", "b.example")
                .with("Date", HttpDates.format(Fixtures.NOW))
                .with("Digest", Digests.digestHeader(request.body())));
        String signature = CavageScheme.signatureHeader(prepared, Fixtures.KEY_ID.toString(), "rsa-sha256",
                List.of(headers), new RsaPkcs1Sha256(), Fixtures.keyPair(KeyAlgorithm.RSA).getPrivate());
        return prepared.withHeaders(prepared.headers().with("Signature", signature));
    }

    private static HttpRequestParts rfc9421With(HttpRequestParts request, StructuredFields.InnerList input) {
        Rfc9421Scheme.SignatureFields fields = Rfc9421Scheme.signatureFields(request, "sig1", input,
                new Ed25519Primitive(), Fixtures.keyPair(KeyAlgorithm.ED25519).getPrivate());
        return request.withHeaders(request.headers()
                .with("Signature-Input", fields.signatureInput()).with("Signature", fields.signature()));
    }

    private static void assertFails(FederationError expected, HttpRequestParts request, PublicKey key) {
        assertEquals(expected, failure(Fixtures.signatures().verify(request, key)));
    }

    private static FederationError failure(VerificationResult result) {
        return assertInstanceOf(VerificationResult.Failed.class, result).error();
    }
}
