package org.tributary.federation.signature;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HttpRequestParts;

/**
 * draft-cavage-http-signatures-12 in the fediverse profile: we sign {@code (request-target) host date}
 * plus {@code digest} with a body, and require the same of what we verify.
 */
final class CavageScheme {
    static final String RSA_SHA256 = "rsa-sha256";
    static final String HS2019 = "hs2019";

    private CavageScheme() {
    }

    private static final String AUTHORIZATION_PREFIX = "signature ";

    /** Signed in the fediverse's {@code Signature} header, or the draft's {@code Authorization: Signature} form. */
    static boolean isPresent(HttpRequestParts request) {
        return request.headers().has("signature") || authorizationSignature(request).isPresent();
    }

    static CavageSignatureHeader parse(HttpRequestParts request) throws SignatureFailure {
        Optional<String> value = request.headers().first("signature").or(() -> authorizationSignature(request));
        return CavageSignatureHeader.parse(value.orElse(null));
    }

    private static Optional<String> authorizationSignature(HttpRequestParts request) {
        return request.headers().first("authorization")
                .filter(v -> v.regionMatches(true, 0, AUTHORIZATION_PREFIX, 0, AUTHORIZATION_PREFIX.length()))
                .map(v -> v.substring(AUTHORIZATION_PREFIX.length()));
    }

    /** Adds {@code Digest} (when there is content) and {@code Signature}; Date and Host are already set. */
    static HttpRequestParts sign(HttpRequestParts request, SigningKey key) {
        HttpRequestParts withDigest = request;
        List<String> covered = List.of("(request-target)", "host", "date");
        if (HttpSignatures.carriesContent(request)) {
            withDigest = request.withHeaders(request.headers().with("Digest", Digests.digestHeader(request.body())));
            covered = List.of("(request-target)", "host", "date", "digest");
        }
        String algorithm = key.algorithm() == KeyAlgorithm.RSA ? RSA_SHA256 : HS2019;
        String signature = signatureHeader(withDigest, key.keyId().toString(), algorithm, covered,
                SignaturePrimitive.of(key.algorithm()), key.privateKey());
        return withDigest.withHeaders(withDigest.headers().with("Signature", signature));
    }

    /**
     * The {@code Signature} header value over exactly the given headers. Below the profile: used by
     * {@link #sign} and, with other header lists, to reproduce the draft's own test vectors.
     */
    static String signatureHeader(HttpRequestParts request, String keyId, String algorithm, List<String> covered,
            SignaturePrimitive primitive, PrivateKey privateKey) {
        String signingString;
        try {
            signingString = CavageSigningString.build(request, covered, OptionalLong.empty(), OptionalLong.empty());
        } catch (SignatureFailure e) {
            throw new IllegalArgumentException("request cannot be signed: " + e.detail(), e);
        }
        byte[] signature = primitive.sign(privateKey, HttpSignatures.bytes(signingString));
        return new CavageSignatureHeader(keyId, Optional.of(algorithm), covered, signature,
                OptionalLong.empty(), OptionalLong.empty()).format();
    }

    static SignatureRequest describe(CavageSignatureHeader header) throws SignatureFailure {
        return new SignatureRequest(SignatureScheme.CAVAGE, HttpSignatures.keyIdUri(header.keyId()));
    }

    /** The full profile check, in the order documented on {@link HttpSignatures#verify}. */
    static VerificationResult verify(HttpRequestParts request, PublicKey key, DateWindow window)
            throws SignatureFailure {
        CavageSignatureHeader header = parse(request);
        SignatureRequest described = describe(header);
        boolean hasContent = request.body().length > 0;

        for (String required : List.of("(request-target)", "host", "date")) {
            requireCovered(header, required);
        }
        if (hasContent) {
            requireCovered(header, "digest");
        }

        String date = request.headers().first("date")
                .orElseThrow(() -> new SignatureFailure(FederationError.SIGNATURE_MALFORMED, "no Date header"));
        Instant dated = HttpDates.parse(date).orElseThrow(() -> new SignatureFailure(
                FederationError.DATE_OUT_OF_WINDOW, "Date header is not an HTTP date: " + date));
        window.checkCreated(dated, "Date");
        if (header.expires().isPresent()) {
            window.checkNotExpired(Instant.ofEpochSecond(header.expires().getAsLong()));
        }

        if (hasContent || header.headers().contains("digest")) {
            HttpSignatures.requireDigestMatches(Digests.checkDigestHeader(
                    String.join(", ", request.headers().all("digest")), request.body()));
        }

        KeyAlgorithm keyAlgorithm = HttpSignatures.keyAlgorithm(key);
        String algorithm = header.algorithm().orElse(HS2019);
        boolean compatible = algorithm.equals(HS2019)
                || (algorithm.equals(RSA_SHA256) && keyAlgorithm == KeyAlgorithm.RSA);
        if (!compatible) {
            throw new SignatureFailure(FederationError.SIGNATURE_ALGORITHM_UNSUPPORTED,
                    "algorithm " + algorithm + " does not fit a " + keyAlgorithm + " key");
        }

        String signingString = CavageSigningString.build(request, header.headers(), header.created(), header.expires());
        if (!SignaturePrimitive.of(keyAlgorithm).verify(key, HttpSignatures.bytes(signingString), header.signature())) {
            throw new SignatureFailure(FederationError.SIGNATURE_INVALID, "signature does not verify");
        }
        return new VerificationResult.Verified(SignatureScheme.CAVAGE, described.keyId());
    }

    /** Checks only the cryptography over the covered headers, without the profile's rules. */
    static boolean verifySignatureOnly(HttpRequestParts request, PublicKey key) throws SignatureFailure {
        CavageSignatureHeader header = parse(request);
        String signingString = CavageSigningString.build(request, header.headers(), header.created(), header.expires());
        return SignaturePrimitive.of(HttpSignatures.keyAlgorithm(key))
                .verify(key, HttpSignatures.bytes(signingString), header.signature());
    }

    private static void requireCovered(CavageSignatureHeader header, String name) throws SignatureFailure {
        if (!header.headers().contains(name)) {
            throw new SignatureFailure(FederationError.SIGNATURE_MALFORMED, "signature does not cover " + name);
        }
    }
}
