package org.tributary.node.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;

/**
 * The one shape of an inbound log entry, whoever writes it: the inbox store for a stored or duplicate
 * activity (in the transaction that stores it), the event listener for a rejection. Keeping both on one
 * builder keeps their entries comparable field for field, which the audit queries rely on.
 */
final class InboundRecords {
    static final String STORED_DETAIL = "stored";
    static final String DUPLICATE_DETAIL = "already stored; acknowledged, not applied again";

    private InboundRecords() {
    }

    /**
     * @param request the raw request, when the transport handed it over ({@link InboundCapture})
     * @param body    the bytes to keep: the request's body, or the activity's raw bytes
     */
    static AuditRecord of(Instant time, String kind, String result, String peer, String activityId,
            MessageFields fields, Optional<HttpRequestParts> request, byte[] body, String detail) {
        Map<String, String> pseudo = new LinkedHashMap<>();
        request.ifPresent(r -> pseudo.put("target-uri", r.targetUri().toString()));
        pseudo.put("detail", detail);
        HeaderMap headers = LoggedHeaders.select(request.map(HttpRequestParts::headers).orElse(HeaderMap.empty()),
                pseudo);
        return AuditRecord.of(time, AuditDirection.INBOUND, kind)
                .withPeer(peer)
                .withActivity(activityId, fields.type(), fields.actor(), fields.object())
                .withResult(result)
                .withMessage(body, headers);
    }
}
