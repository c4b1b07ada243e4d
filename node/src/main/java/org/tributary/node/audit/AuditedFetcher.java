package org.tributary.node.audit;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.federation.fetch.SignedFetcher;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.spi.PeerPolicy;

/**
 * The node's signed GETs, each one logged with its outcome and, when it succeeded, the document's raw
 * bytes. Every part of the node that fetches goes through here.
 */
public final class AuditedFetcher {
    private final SignedFetcher fetcher;
    private final AuditTrail trail;
    private final Clock clock;

    public AuditedFetcher(SignedFetcher fetcher, AuditTrail trail, Clock clock) {
        this.fetcher = fetcher;
        this.trail = trail;
        this.clock = clock;
    }

    /** Fetches {@code url} signed with {@code signingKeyId} and logs the exchange. */
    public FetchResult fetch(URI url, URI signingKeyId) {
        FetchResult result = fetcher.fetch(url, signingKeyId);
        String peer = url != null && url.getHost() != null ? PeerPolicy.authorityOf(url) : "";
        AuditRecord record = AuditRecord.of(clock.instant(), AuditDirection.OUTBOUND, AuditKinds.FETCH_SENT)
                .withPeer(peer)
                .withActivity("", "", signingKeyId.toString(), String.valueOf(url));
        if (result instanceof FetchResult.Fetched fetched) {
            record = record.withResult("fetched").withMessage(fetched.raw(), LoggedHeaders.select(HeaderMap.empty(),
                    Map.of("target-uri", String.valueOf(url))));
        } else {
            FetchResult.Failed failed = (FetchResult.Failed) result;
            record = record.withResult(failed.error().code()).withMessage(new byte[0], LoggedHeaders.select(
                    HeaderMap.empty(), Map.of("target-uri", String.valueOf(url), "detail", failed.detail())));
        }
        trail.record(record);
        return result;
    }
}
