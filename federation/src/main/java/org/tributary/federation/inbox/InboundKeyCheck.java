package org.tributary.federation.inbox;

import java.net.URI;
import java.util.Objects;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.VerificationResult;
import org.tributary.federation.spi.KeyLookup;
import org.tributary.federation.spi.KeyResolver;
import org.tributary.federation.spi.ResolvedKey;

/**
 * Step 3 of the pipeline: resolve the signing key and verify the request with it. A signature that fails
 * against a cached key is tried once more against a freshly fetched key, because the peer may have
 * rotated its key since we cached it; a fresh key is never refetched, so a bad signature costs at most
 * one fetch.
 */
final class InboundKeyCheck {

    sealed interface Result {
        record Passed(ResolvedKey key) implements Result { }

        record Failed(InboxOutcome.Rejected rejection) implements Result { }
    }

    private final HttpSignatures signatures;
    private final KeyResolver keys;

    InboundKeyCheck(HttpSignatures signatures, KeyResolver keys) {
        this.signatures = signatures;
        this.keys = keys;
    }

    Result verify(HttpRequestParts request, URI keyId) {
        KeyLookup lookup = keys.resolve(keyId);
        if (lookup instanceof KeyLookup.NotFound notFound) {
            return unavailable(keyId, notFound);
        }
        KeyLookup.Found found = (KeyLookup.Found) lookup;
        VerificationResult result = verifyWith(request, keyId, found.key());
        if (result instanceof VerificationResult.Failed failed
                && failed.error() == FederationError.SIGNATURE_INVALID
                && found.cached()) {
            KeyLookup fresh = keys.refresh(keyId);
            if (fresh instanceof KeyLookup.NotFound notFound) {
                return unavailable(keyId, notFound);
            }
            found = (KeyLookup.Found) fresh;
            result = verifyWith(request, keyId, found.key());
        }
        if (result instanceof VerificationResult.Failed failed) {
            return new Result.Failed(new InboxOutcome.Rejected(failed.error(), failed.detail()));
        }
        return new Result.Passed(found.key());
    }

    private VerificationResult verifyWith(HttpRequestParts request, URI keyId, ResolvedKey key) {
        if (!Objects.equals(key.keyId(), keyId)) {
            return new VerificationResult.Failed(FederationError.KEY_UNAVAILABLE,
                    "resolver returned key " + key.keyId() + " for " + keyId);
        }
        return signatures.verify(request, key.key());
    }

    private static Result unavailable(URI keyId, KeyLookup.NotFound notFound) {
        return new Result.Failed(new InboxOutcome.Rejected(FederationError.KEY_UNAVAILABLE,
                "key " + keyId + " could not be resolved: " + notFound.error().code() + ": " + notFound.detail()));
    }
}
