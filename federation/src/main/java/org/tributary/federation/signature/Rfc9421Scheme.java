package org.tributary.federation.signature;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.StructuredFields.BareItem;
import org.tributary.federation.signature.StructuredFields.InnerList;
import org.tributary.federation.signature.StructuredFields.Item;
import org.tributary.federation.signature.StructuredFields.Parameters;
import org.tributary.federation.signature.StructuredFields.SfBytes;
import org.tributary.federation.signature.StructuredFields.SfInteger;
import org.tributary.federation.signature.StructuredFields.SfString;

/**
 * RFC 9421 HTTP Message Signatures in the fediverse profile: we sign {@code @method @target-uri}
 * plus {@code content-digest} with a body, under label {@code sig1}, with {@code created},
 * {@code keyid} and {@code alg}; and we require the same coverage (or {@code @authority} and
 * {@code @path} in place of {@code @target-uri}) of what we verify.
 */
final class Rfc9421Scheme {
    static final String LABEL = "sig1";
    static final String RSA_V1_5_SHA256 = "rsa-v1_5-sha256";
    static final String ED25519 = "ed25519";

    private Rfc9421Scheme() {
    }

    /** The header values to add: {@code Signature-Input} and {@code Signature}. */
    record SignatureFields(String signatureInput, String signature) {
    }

    static HttpRequestParts sign(HttpRequestParts request, SigningKey key, Instant now) {
        HttpRequestParts prepared = request;
        List<String> components = new ArrayList<>(List.of("@method", "@target-uri"));
        if (HttpSignatures.carriesContent(request)) {
            prepared = request.withHeaders(
                    request.headers().with("Content-Digest", Digests.contentDigestHeader(request.body())));
            components.add("content-digest");
        }
        Map<String, BareItem> params = new LinkedHashMap<>();
        params.put("created", new SfInteger(now.getEpochSecond()));
        params.put("keyid", new SfString(key.keyId().toString()));
        params.put("alg", new SfString(key.algorithm() == KeyAlgorithm.RSA ? RSA_V1_5_SHA256 : ED25519));
        InnerList input = new InnerList(
                components.stream().map(c -> new Item(new SfString(c), Parameters.NONE)).toList(),
                new Parameters(params));
        SignatureFields fields = signatureFields(prepared, LABEL, input,
                SignaturePrimitive.of(key.algorithm()), key.privateKey());
        return prepared.withHeaders(prepared.headers()
                .with("Signature-Input", fields.signatureInput())
                .with("Signature", fields.signature()));
    }

    /**
     * Signs exactly the given covered components and parameters. Below the profile: used by
     * {@link #sign} and to reproduce the RFC's own examples.
     */
    static SignatureFields signatureFields(HttpRequestParts request, String label, InnerList input,
            SignaturePrimitive primitive, PrivateKey privateKey) {
        String base;
        try {
            base = Rfc9421SignatureBase.build(request, input);
        } catch (SignatureFailure e) {
            throw new IllegalArgumentException("request cannot be signed: " + e.detail(), e);
        }
        byte[] signature = primitive.sign(privateKey, HttpSignatures.bytes(base));
        return new SignatureFields(
                label + "=" + StructuredFields.serializeInnerList(input),
                label + "=" + StructuredFields.serializeItem(new Item(new SfBytes(signature), Parameters.NONE)));
    }

    static SignatureRequest describe(Rfc9421Signature signature) throws SignatureFailure {
        String keyId = signature.keyId().orElseThrow(() -> new SignatureFailure(
                FederationError.SIGNATURE_MALFORMED, "signature " + signature.label() + " has no keyid"));
        return new SignatureRequest(SignatureScheme.RFC9421, HttpSignatures.keyIdUri(keyId));
    }

    /** The full profile check, in the order documented on {@link HttpSignatures#verify}. */
    static VerificationResult verify(HttpRequestParts request, PublicKey key, DateWindow window)
            throws SignatureFailure {
        Rfc9421Signature signature = Rfc9421Signature.select(request.headers(), Optional.empty());
        SignatureRequest described = describe(signature);
        Instant created = signature.created().orElseThrow(() -> new SignatureFailure(
                FederationError.SIGNATURE_MALFORMED, "signature has no created parameter"));
        boolean hasContent = request.body().length > 0;

        List<String> covered = signature.plainComponents();
        boolean coversTarget = covered.contains("@target-uri")
                || (covered.contains("@authority") && covered.contains("@path"));
        if (!covered.contains("@method") || !coversTarget) {
            throw new SignatureFailure(FederationError.SIGNATURE_MALFORMED,
                    "signature must cover @method and @target-uri (or @authority and @path)");
        }
        if (hasContent && !covered.contains("content-digest")) {
            throw new SignatureFailure(FederationError.SIGNATURE_MALFORMED, "signature does not cover content-digest");
        }

        window.checkCreated(created, "created");
        Optional<Instant> expires = signature.expires();
        if (expires.isPresent()) {
            window.checkNotExpired(expires.get());
        }

        if (hasContent || covered.contains("content-digest")) {
            HttpSignatures.requireDigestMatches(Digests.checkContentDigestHeader(
                    String.join(", ", request.headers().all("content-digest")), request.body()));
        }

        KeyAlgorithm keyAlgorithm = HttpSignatures.keyAlgorithm(key);
        Optional<String> alg = signature.algorithm();
        if (alg.isPresent() && !alg.get().equals(algorithmName(keyAlgorithm))) {
            throw new SignatureFailure(FederationError.SIGNATURE_ALGORITHM_UNSUPPORTED,
                    "alg " + alg.get() + " does not fit a " + keyAlgorithm + " key");
        }

        if (!cryptographicallyValid(request, signature, key, keyAlgorithm)) {
            throw new SignatureFailure(FederationError.SIGNATURE_INVALID, "signature does not verify");
        }
        return new VerificationResult.Verified(SignatureScheme.RFC9421, described.keyId());
    }

    /**
     * Checks only the cryptography of one labelled signature, without the profile's coverage, time and
     * digest rules: for the RFC's examples, which cover other components than we require.
     */
    static boolean verifySignatureOnly(HttpRequestParts request, String label, PublicKey key)
            throws SignatureFailure {
        Rfc9421Signature signature = Rfc9421Signature.select(request.headers(), Optional.of(label));
        return cryptographicallyValid(request, signature, key, HttpSignatures.keyAlgorithm(key));
    }

    private static boolean cryptographicallyValid(HttpRequestParts request, Rfc9421Signature signature,
            PublicKey key, KeyAlgorithm keyAlgorithm) throws SignatureFailure {
        String base = Rfc9421SignatureBase.build(request, signature.input());
        return SignaturePrimitive.of(keyAlgorithm).verify(key, HttpSignatures.bytes(base), signature.signature());
    }

    private static String algorithmName(KeyAlgorithm algorithm) {
        return algorithm == KeyAlgorithm.RSA ? RSA_V1_5_SHA256 : ED25519;
    }
}
