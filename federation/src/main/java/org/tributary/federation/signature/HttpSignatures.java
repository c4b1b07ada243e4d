package org.tributary.federation.signature;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;

/**
 * Signs outgoing requests and verifies incoming ones, in either fediverse signature scheme:
 * draft-cavage-http-signatures-12 ({@code Signature} + {@code Digest}) or RFC 9421
 * ({@code Signature-Input} + {@code Signature} + {@code Content-Digest}). When a request carries both,
 * the RFC 9421 signature is the one checked.
 *
 * <p>Time comes from the injected {@link Clock}: a signature's time ({@code Date} for cavage,
 * {@code created} for RFC 9421) must lie within {@code maxAge} before and {@code maxFuture} after now.
 * The node uses one hour back and five minutes ahead.
 */
public final class HttpSignatures {
    private final DateWindow window;

    public HttpSignatures(Clock clock, Duration maxAge, Duration maxFuture) {
        this.window = new DateWindow(clock, maxAge, maxFuture);
    }

    /**
     * A copy of {@code request} with the headers to send: {@code Date} and {@code Host} when absent,
     * the body digest when there is content ({@code Digest} for cavage, {@code Content-Digest} for RFC
     * 9421) and the signature fields.
     *
     * @throws IllegalArgumentException if the signing key does not match its declared algorithm
     */
    public HttpRequestParts sign(HttpRequestParts request, SigningKey key, SignatureScheme scheme) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scheme, "scheme");
        Instant now = window.now().truncatedTo(ChronoUnit.SECONDS);
        HeaderMap headers = request.headers();
        if (!headers.has("date")) {
            headers = headers.with("Date", HttpDates.format(now));
        }
        if (!headers.has("host")) {
            headers = headers.with("Host", TargetUri.authority(request.targetUri()));
        }
        HttpRequestParts prepared = request.withHeaders(headers);
        return scheme == SignatureScheme.CAVAGE
                ? CavageScheme.sign(prepared, key)
                : Rfc9421Scheme.sign(prepared, key, now);
    }

    /**
     * Reads which scheme and key id the request claims, without checking anything else: the caller
     * resolves the key by id, then calls {@link #verify}. Missing signature fields give
     * {@code SIGNATURE_MISSING}, unreadable ones {@code SIGNATURE_MALFORMED}.
     */
    public SignatureInspection inspect(HttpRequestParts request) {
        try {
            if (Rfc9421Signature.isPresent(request.headers())) {
                return new SignatureInspection.Signed(Rfc9421Scheme.describe(
                        Rfc9421Signature.select(request.headers(), Optional.empty())));
            }
            if (CavageScheme.isPresent(request)) {
                return new SignatureInspection.Signed(CavageScheme.describe(CavageScheme.parse(request)));
            }
            return new SignatureInspection.Unsigned(FederationError.SIGNATURE_MISSING, "request is not signed");
        } catch (SignatureFailure failure) {
            return new SignatureInspection.Unsigned(failure.error(), failure.detail());
        } catch (RuntimeException unexpected) {
            return new SignatureInspection.Unsigned(FederationError.SIGNATURE_MALFORMED, describe(unexpected));
        }
    }

    /**
     * The full check of a request's signature against the signer's public key, stopping at the first
     * failure, in this order:
     * <ol>
     *   <li>the signature fields parse ({@code SIGNATURE_MISSING} / {@code SIGNATURE_MALFORMED});</li>
     *   <li>they cover what the profile requires ({@code SIGNATURE_MALFORMED}): cavage
     *       {@code (request-target) host date} (+ {@code digest} with a body); RFC 9421 {@code @method}
     *       and {@code @target-uri} or both {@code @authority} and {@code @path} (+ {@code content-digest}
     *       with a body);</li>
     *   <li>the signature time lies in the window and has not expired ({@code DATE_OUT_OF_WINDOW});</li>
     *   <li>a body has a SHA-256 digest ({@code DIGEST_MISSING}) that matches its raw bytes
     *       ({@code DIGEST_MISMATCH});</li>
     *   <li>the declared algorithm fits the key type ({@code SIGNATURE_ALGORITHM_UNSUPPORTED});</li>
     *   <li>the signature verifies ({@code SIGNATURE_INVALID}).</li>
     * </ol>
     * Never throws on bad input.
     */
    public VerificationResult verify(HttpRequestParts request, PublicKey key) {
        try {
            if (Rfc9421Signature.isPresent(request.headers())) {
                return Rfc9421Scheme.verify(request, key, window);
            }
            if (CavageScheme.isPresent(request)) {
                return CavageScheme.verify(request, key, window);
            }
            return new VerificationResult.Failed(FederationError.SIGNATURE_MISSING, "request is not signed");
        } catch (SignatureFailure failure) {
            return new VerificationResult.Failed(failure.error(), failure.detail());
        } catch (RuntimeException unexpected) {
            // A peer's bytes must never surface as an exception in the inbox; if a parser slips, the
            // request is still just rejected.
            return new VerificationResult.Failed(FederationError.SIGNATURE_MALFORMED, describe(unexpected));
        }
    }

    /** Whether a request gets a body digest: any content, and every POST (an empty body has a digest too). */
    static boolean carriesContent(HttpRequestParts request) {
        return request.body().length > 0 || request.method().toUpperCase(Locale.ROOT).equals("POST");
    }

    static byte[] bytes(String signingInput) {
        return signingInput.getBytes(StandardCharsets.UTF_8);
    }

    static URI keyIdUri(String keyId) throws SignatureFailure {
        try {
            return new URI(keyId);
        } catch (URISyntaxException e) {
            throw new SignatureFailure(FederationError.SIGNATURE_MALFORMED, "key id is not a URI: " + keyId);
        }
    }

    static KeyAlgorithm keyAlgorithm(PublicKey key) throws SignatureFailure {
        return KeyCodec.algorithmOf(key).orElseThrow(() -> new SignatureFailure(
                FederationError.SIGNATURE_ALGORITHM_UNSUPPORTED,
                "key type " + (key == null ? "none" : key.getAlgorithm()) + " is not RSA or Ed25519"));
    }

    static void requireDigestMatches(Digests.DigestCheck check) throws SignatureFailure {
        if (check instanceof Digests.DigestCheck.Missing missing) {
            throw new SignatureFailure(FederationError.DIGEST_MISSING, missing.detail());
        }
        if (check instanceof Digests.DigestCheck.Mismatch mismatch) {
            throw new SignatureFailure(FederationError.DIGEST_MISMATCH, mismatch.detail());
        }
    }

    private static String describe(RuntimeException unexpected) {
        return "unreadable signature (" + unexpected.getClass().getSimpleName() + ")";
    }
}
