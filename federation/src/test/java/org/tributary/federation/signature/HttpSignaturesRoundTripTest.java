package org.tributary.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;

/** What {@link HttpSignatures#sign} writes, and that {@link HttpSignatures#verify} accepts it. */
class HttpSignaturesRoundTripTest {

    static Stream<Arguments> everyCombination() {
        return Stream.of(KeyAlgorithm.values()).flatMap(algorithm -> Stream.of(SignatureScheme.values())
                .flatMap(scheme -> Stream.of("GET", "POST").map(method -> Arguments.of(algorithm, scheme, method))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyCombination")
    void signedRequestsVerify(KeyAlgorithm algorithm, SignatureScheme scheme, String method) {
        HttpSignatures signatures = Fixtures.signatures();
        HttpRequestParts signed = signatures.sign(Fixtures.request(method), Fixtures.signingKey(algorithm), scheme);

        assertEquals(new VerificationResult.Verified(scheme, Fixtures.KEY_ID),
                signatures.verify(signed, Fixtures.keyPair(algorithm).getPublic()));
        assertEquals(new SignatureInspection.Signed(new SignatureRequest(scheme, Fixtures.KEY_ID)),
                signatures.inspect(signed));
    }

    @Test
    void signingAddsDateWithATwoDigitDayAndHostFromTheTarget() {
        HttpRequestParts signed = Fixtures.signatures().sign(Fixtures.get(),
                Fixtures.signingKey(KeyAlgorithm.ED25519), SignatureScheme.CAVAGE);

        assertEquals(Optional.of("Thu, 05 Mar 2026 09:07:03 GMT"), signed.headers().first("date"));
        assertEquals(Optional.of("b.example"), signed.headers().first("host"));
    }

    @Test
    void hostKeepsANonDefaultPortAndDropsTheDefaultOne() {
        SigningKey key = Fixtures.signingKey(KeyAlgorithm.ED25519);
        HttpRequestParts onPort = new HttpRequestParts("GET", URI.create("http://Dept.Example:8081/actor"),
                HeaderMap.empty(), null);
        HttpRequestParts onDefault = new HttpRequestParts("GET", URI.create("https://dept.example:443/actor"),
                HeaderMap.empty(), null);

        assertEquals(Optional.of("dept.example:8081"),
                Fixtures.signatures().sign(onPort, key, SignatureScheme.CAVAGE).headers().first("host"));
        assertEquals(Optional.of("dept.example"),
                Fixtures.signatures().sign(onDefault, key, SignatureScheme.CAVAGE).headers().first("host"));
    }

    @Test
    void existingDateAndHostAreKept() {
        HttpRequestParts request = Fixtures.post().withHeaders(Fixtures.post().headers()
                .with("Date", "Thu, 05 Mar 2026 09:06:00 GMT").with("Host", "b.example"));

        HttpRequestParts signed = Fixtures.signatures().sign(request, Fixtures.signingKey(KeyAlgorithm.RSA),
                SignatureScheme.CAVAGE);

        assertEquals(Optional.of("Thu, 05 Mar 2026 09:06:00 GMT"), signed.headers().first("date"));
    }

    @Test
    void cavagePostWithRsaSignsTheProfileHeadersAndADigest() throws SignatureFailure {
        HttpRequestParts signed = Fixtures.signatures().sign(Fixtures.post(), Fixtures.signingKey(KeyAlgorithm.RSA),
                SignatureScheme.CAVAGE);
        CavageSignatureHeader header = CavageSignatureHeader.parse(signed.headers().first("signature").orElseThrow());

        assertEquals(Optional.of("SHA-256=" + Digests.sha256Base64(Fixtures.FOLLOW)), signed.headers().first("digest"));
        assertEquals(Fixtures.KEY_ID.toString(), header.keyId());
        assertEquals(Optional.of("rsa-sha256"), header.algorithm());
        assertEquals(List.of("(request-target)", "host", "date", "digest"), header.headers());
    }

    @Test
    void cavageGetWithEd25519UsesHs2019AndNoDigest() throws SignatureFailure {
        HttpRequestParts signed = Fixtures.signatures().sign(Fixtures.get(), Fixtures.signingKey(KeyAlgorithm.ED25519),
                SignatureScheme.CAVAGE);
        CavageSignatureHeader header = CavageSignatureHeader.parse(signed.headers().first("signature").orElseThrow());

        assertEquals(Optional.of("hs2019"), header.algorithm());
        assertEquals(List.of("(request-target)", "host", "date"), header.headers());
        assertFalse(signed.headers().has("digest"));
    }

    @Test
    void rfc9421PostSignsMethodTargetAndContentDigestUnderSig1() {
        HttpRequestParts signed = Fixtures.signatures().sign(Fixtures.post(), Fixtures.signingKey(KeyAlgorithm.RSA),
                SignatureScheme.RFC9421);

        assertEquals(Optional.of("sha-256=:" + Digests.sha256Base64(Fixtures.FOLLOW) + ":"),
                signed.headers().first("content-digest"));
        assertEquals(Optional.of("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created="
                + Fixtures.NOW.getEpochSecond() + ";keyid=\"" + Fixtures.KEY_ID + "\";alg=\"rsa-v1_5-sha256\""),
                signed.headers().first("signature-input"));
        assertTrue(signed.headers().first("signature").orElseThrow().startsWith("sig1=:"));
    }

    @Test
    void rfc9421GetWithEd25519CoversMethodAndTargetOnly() {
        HttpRequestParts signed = Fixtures.signatures().sign(Fixtures.get(), Fixtures.signingKey(KeyAlgorithm.ED25519),
                SignatureScheme.RFC9421);

        assertEquals(Optional.of("sig1=(\"@method\" \"@target-uri\");created=" + Fixtures.NOW.getEpochSecond()
                + ";keyid=\"" + Fixtures.KEY_ID + "\";alg=\"ed25519\""), signed.headers().first("signature-input"));
        assertFalse(signed.headers().has("content-digest"));
    }

    @Test
    void theFragmentOfTheTargetIsNeverSigned() throws SignatureFailure {
        HttpRequestParts withFragment = new HttpRequestParts("GET",
                URI.create("https://b.example/users/bob?x=1#main-key"), HeaderMap.empty(), null);

        HttpRequestParts cavage = Fixtures.signatures().sign(withFragment, Fixtures.signingKey(KeyAlgorithm.ED25519),
                SignatureScheme.CAVAGE);
        HttpRequestParts rfc = Fixtures.signatures().sign(withFragment, Fixtures.signingKey(KeyAlgorithm.ED25519),
                SignatureScheme.RFC9421);

        assertTrue(CavageSigningString.build(cavage, List.of("(request-target)"), OptionalLong.empty(),
                OptionalLong.empty()).equals("(request-target): get /users/bob?x=1"));
        assertTrue(Rfc9421SignatureBase.build(rfc, Rfc9421Signature.select(rfc.headers(), Optional.empty()).input())
                .startsWith("\"@method\": GET\n\"@target-uri\": https://b.example/users/bob?x=1\n"));
        // The receiver never sees the fragment, and still verifies.
        HttpRequestParts received = new HttpRequestParts("GET", URI.create("https://b.example/users/bob?x=1"),
                rfc.headers(), null);
        assertTrue(Fixtures.signatures().verify(received, Fixtures.keyPair(KeyAlgorithm.ED25519).getPublic()).verified());
    }

    @Test
    void rfc9421IsPreferredWhenBothSchemesArePresent() {
        SigningKey key = Fixtures.signingKey(KeyAlgorithm.RSA);
        HttpRequestParts cavage = Fixtures.signatures().sign(Fixtures.post(), key, SignatureScheme.CAVAGE);
        HttpRequestParts rfc = Fixtures.signatures().sign(Fixtures.post(), key, SignatureScheme.RFC9421);
        HttpRequestParts both = rfc.withHeaders(rfc.headers()
                .with("Digest", cavage.headers().first("digest").orElseThrow())
                .with("Authorization", "Signature " + cavage.headers().first("signature").orElseThrow()));

        assertEquals(new VerificationResult.Verified(SignatureScheme.RFC9421, Fixtures.KEY_ID),
                Fixtures.signatures().verify(both, Fixtures.keyPair(KeyAlgorithm.RSA).getPublic()));
        assertEquals(new SignatureInspection.Signed(new SignatureRequest(SignatureScheme.RFC9421, Fixtures.KEY_ID)),
                Fixtures.signatures().inspect(both));
    }

    @Test
    void cavageInTheAuthorizationHeaderIsAccepted() {
        HttpRequestParts signed = Fixtures.signatures().sign(Fixtures.get(), Fixtures.signingKey(KeyAlgorithm.RSA),
                SignatureScheme.CAVAGE);
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>(signed.headers().asMap());
        headers.put("authorization", List.of("Signature " + headers.remove("signature").get(0)));

        assertEquals(new VerificationResult.Verified(SignatureScheme.CAVAGE, Fixtures.KEY_ID),
                Fixtures.signatures().verify(signed.withHeaders(HeaderMap.of(headers)),
                        Fixtures.keyPair(KeyAlgorithm.RSA).getPublic()));
    }

    @Test
    void rfc9421AuthorityAndPathMayStandInForTheTargetUri() {
        HttpRequestParts request = Fixtures.get();
        Rfc9421Scheme.SignatureFields fields = Rfc9421Scheme.signatureFields(request, "sig1",
                RequestsForTests.input(List.of("@method", "@authority", "@path", "@query"), Fixtures.NOW, "ed25519"),
                new Ed25519Primitive(), Fixtures.keyPair(KeyAlgorithm.ED25519).getPrivate());

        HttpRequestParts signed = request.withHeaders(request.headers()
                .with("Signature-Input", fields.signatureInput()).with("Signature", fields.signature()));

        assertTrue(Fixtures.signatures().verify(signed, Fixtures.keyPair(KeyAlgorithm.ED25519).getPublic()).verified());
    }
}
