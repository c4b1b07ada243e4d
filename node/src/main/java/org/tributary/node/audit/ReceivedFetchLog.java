package org.tributary.node.audit;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.SignatureInspection;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.node.activitypub.SignedFetchLog;

/** Logs every signed GET a peer made of this node: who (by signing key), what, and whether it was served. */
public final class ReceivedFetchLog implements SignedFetchLog {
    private final AuditTrail trail;
    private final HttpSignatures signatures;
    private final Clock clock;

    public ReceivedFetchLog(AuditTrail trail, HttpSignatures signatures, Clock clock) {
        this.trail = trail;
        this.signatures = signatures;
        this.clock = clock;
    }

    @Override
    public void received(HttpRequestParts request, Optional<URI> signer, String result) {
        Optional<URI> keyId = signatures.inspect(request) instanceof SignatureInspection.Signed signed
                ? Optional.of(signed.request().keyId()) : Optional.empty();
        String peer = keyId.filter(id -> id.getHost() != null).map(PeerPolicy::authorityOf).orElse("");
        String actor = signer.or(() -> keyId).map(URI::toString).orElse("");
        trail.record(AuditRecord.of(clock.instant(), AuditDirection.INBOUND, AuditKinds.FETCH_RECEIVED)
                .withPeer(peer)
                .withActivity("", "", actor, request.targetUri().toString())
                .withResult(result)
                .withMessage(new byte[0], LoggedHeaders.select(request.headers(),
                        Map.of("target-uri", request.targetUri().toString()))));
    }
}
