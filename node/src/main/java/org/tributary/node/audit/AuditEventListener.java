package org.tributary.node.audit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.spi.FederationEvent;
import org.tributary.federation.spi.FederationEventListener;

/**
 * Turns the federation layer's events into log entries: every inbox outcome (with the raw request the
 * {@link InboundCapture} holds) and every delivery exchange (with the body that was sent). It appends and
 * waits for the commit, so an inbound activity is in the log before the inbox answers 202 and a delivery
 * outcome is in the log before the worker moves on.
 */
public final class AuditEventListener implements FederationEventListener {
    private final AuditTrail trail;
    private final InboundCapture capture;
    private final BiFunction<URI, URI, Optional<byte[]>> deliveryBody;

    /**
     * @param deliveryBody the body queued for an activity id and inbox (the delivery queue keeps it)
     */
    public AuditEventListener(AuditTrail trail, InboundCapture capture,
            BiFunction<URI, URI, Optional<byte[]>> deliveryBody) {
        this.trail = trail;
        this.capture = capture;
        this.deliveryBody = deliveryBody;
    }

    @Override
    public void onEvent(FederationEvent event) {
        if (event instanceof FederationEvent.InboundProcessed inbound) {
            trail.record(inbound(inbound));
        } else if (event instanceof FederationEvent.DeliveryAttempted attempt) {
            trail.record(delivery(attempt));
        }
    }

    private AuditRecord inbound(FederationEvent.InboundProcessed event) {
        Optional<HttpRequestParts> request = capture.current();
        byte[] body = request.map(HttpRequestParts::body).orElse(new byte[0]);
        MessageFields fields = MessageFields.of(body);
        String kind;
        String result;
        switch (event.disposition()) {
            case ACCEPTED -> {
                kind = AuditKinds.INBOX_ACCEPTED;
                result = "accepted";
            }
            case DUPLICATE -> {
                kind = AuditKinds.INBOX_DUPLICATE;
                result = "duplicate";
            }
            default -> {
                kind = AuditKinds.INBOX_REJECTED;
                result = event.error().map(error -> error.code()).orElse("rejected");
            }
        }
        Map<String, String> pseudo = new LinkedHashMap<>();
        request.ifPresent(r -> pseudo.put("target-uri", r.targetUri().toString()));
        pseudo.put("detail", event.detail());
        HeaderMap headers = LoggedHeaders.select(request.map(HttpRequestParts::headers).orElse(HeaderMap.empty()),
                pseudo);
        return AuditRecord.of(event.at(), AuditDirection.INBOUND, kind)
                .withPeer(event.peer().orElse(""))
                .withActivity(event.activityId().map(URI::toString).orElse(""),
                        event.type().orElse(fields.type()),
                        event.actor().map(URI::toString).orElse(fields.actor()), fields.object())
                .withResult(result)
                .withMessage(body, headers);
    }

    private AuditRecord delivery(FederationEvent.DeliveryAttempted event) {
        byte[] body = deliveryBody.apply(event.activityId(), event.inbox()).orElse(new byte[0]);
        MessageFields fields = MessageFields.of(body);
        Map<String, String> pseudo = new LinkedHashMap<>();
        pseudo.put("target-uri", event.inbox().toString());
        pseudo.put("attempt", Integer.toString(event.attempt()));
        event.scheme().ifPresent(scheme -> pseudo.put("scheme", scheme.name().toLowerCase(Locale.ROOT)));
        event.keyId().ifPresent(keyId -> pseudo.put("key-id", keyId.toString()));
        if (event.status().isPresent()) {
            pseudo.put("status", Integer.toString(event.status().getAsInt()));
        }
        pseudo.put("detail", event.detail());
        HeaderMap headers = LoggedHeaders.select(HeaderMap.empty().with("content-type", "application/activity+json"),
                pseudo);
        return AuditRecord.of(event.at(), AuditDirection.OUTBOUND, AuditKinds.DELIVERY_ATTEMPT)
                .withPeer(event.peer())
                .withActivity(event.activityId().toString(), fields.type(), fields.actor(), fields.object())
                .withResult(event.disposition().name().toLowerCase(Locale.ROOT))
                .withMessage(body, headers);
    }
}
