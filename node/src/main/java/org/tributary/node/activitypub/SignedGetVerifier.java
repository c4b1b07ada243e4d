package org.tributary.node.activitypub;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.SignatureInspection;
import org.tributary.federation.signature.VerificationResult;
import org.tributary.federation.spi.KeyLookup;
import org.tributary.federation.spi.KeyResolver;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.node.http.ApiException;

/**
 * Authorized fetch: every ActivityPub GET except the discovery documents must be signed by an actor
 * on an allowlisted peer. Returns the signing actor, so the resource can decide what that actor may see.
 */
public final class SignedGetVerifier {
    private final HttpSignatures signatures;
    private final KeyResolver keys;
    private final PeerPolicy peers;
    private final RequestParts requestParts;
    private final SignedFetchLog fetchLog;

    public SignedGetVerifier(HttpSignatures signatures, KeyResolver keys, PeerPolicy peers, RequestParts requestParts,
            SignedFetchLog fetchLog) {
        this.signatures = signatures;
        this.keys = keys;
        this.peers = peers;
        this.requestParts = requestParts;
        this.fetchLog = fetchLog;
    }

    /**
     * The actor who signed this GET; refuses with the federation error code otherwise. Every signed fetch,
     * served or refused, is logged.
     */
    public URI requireSigner(UriInfo uri, HttpHeaders headers) {
        HttpRequestParts request = requestParts.of("GET", uri, headers, new byte[0]);
        try {
            URI signer = check(request);
            fetchLog.received(request, Optional.of(signer), "accepted");
            return signer;
        } catch (ApiException refused) {
            fetchLog.received(request, Optional.empty(), refused.code());
            throw refused;
        }
    }

    private URI check(HttpRequestParts request) {
        SignatureInspection inspection = signatures.inspect(request);
        if (inspection instanceof SignatureInspection.Unsigned unsigned) {
            throw refuse(unsigned.error(), unsigned.detail());
        }
        URI keyId = ((SignatureInspection.Signed) inspection).request().keyId();
        if (!peers.isAllowed(keyId)) {
            throw refuse(FederationError.PEER_NOT_ALLOWED, "signer's host is not an allowlisted peer");
        }
        KeyLookup lookup = keys.resolve(keyId);
        VerificationResult result = verify(request, lookup);
        if (result instanceof VerificationResult.Failed failed && failed.error() == FederationError.SIGNATURE_INVALID
                && lookup instanceof KeyLookup.Found found && found.cached()) {
            lookup = keys.refresh(keyId);
            result = verify(request, lookup);
        }
        if (lookup instanceof KeyLookup.NotFound notFound) {
            throw refuse(notFound.error(), notFound.detail());
        }
        if (result instanceof VerificationResult.Failed failed) {
            throw refuse(failed.error(), failed.detail());
        }
        URI owner = ((KeyLookup.Found) lookup).key().owner();
        if (!peers.isAllowed(owner)) {
            throw refuse(FederationError.PEER_NOT_ALLOWED, "signer's host is not an allowlisted peer");
        }
        return owner;
    }

    private VerificationResult verify(HttpRequestParts request, KeyLookup lookup) {
        if (lookup instanceof KeyLookup.Found found) {
            return signatures.verify(request, found.key().key());
        }
        return new VerificationResult.Failed(FederationError.KEY_UNAVAILABLE, "key not found");
    }

    private static ApiException refuse(FederationError error, String detail) {
        return new ApiException(error.httpStatus(), error.code(), detail);
    }
}
