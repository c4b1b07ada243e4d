package org.tributary.node.audit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.spi.FederationEvent;
import org.tributary.federation.spi.FederationEventListener;

/**
 * Turns the federation layer's events into log entries: every rejected inbound request (with the raw
 * request the {@link InboundCapture} holds) and every delivery exchange (with the body that was sent). It
 * appends and waits for the commit, so a rejection is in the log before the inbox answers and a delivery
 * outcome is in the log before the worker moves on. Stored and duplicate activities are logged by
 * {@link LoggedInboxStore} in the transaction that stores them, so they are not logged here again.
 */
public final class AuditEventListener implements FederationEventListener {
    private final AuditTrail trail;
    private final InboundCapture capture;

    public AuditEventListener(AuditTrail trail, InboundCapture capture) {
        this.trail = trail;
        this.capture = capture;
    }

    @Override
    public void onEvent(FederationEvent event) {
        if (event instanceof FederationEvent.InboundProcessed inbound
                && inbound.disposition() == FederationEvent.InboundDisposition.REJECTED) {
            trail.record(rejected(inbound));
        } else if (event instanceof FederationEvent.DeliveryAttempted attempt) {
            trail.record(delivery(attempt));
        }
    }

    /** A rejected request (stored and duplicate ones are logged by {@link LoggedInboxStore}, in their own commit). */
    private AuditRecord rejected(FederationEvent.InboundProcessed event) {
        Optional<HttpRequestParts> request = capture.current();
        byte[] body = request.map(HttpRequestParts::body).orElse(new byte[0]);
        MessageFields parsed = MessageFields.of(body);
        MessageFields fields = new MessageFields(event.type().orElse(parsed.type()),
                event.actor().map(URI::toString).orElse(parsed.actor()), parsed.object());
        return InboundRecords.of(event.at(), AuditKinds.INBOX_REJECTED,
                event.error().map(error -> error.code()).orElse("rejected"), event.peer().orElse(""),
                event.activityId().map(URI::toString).orElse(""), fields, request, body, event.detail());
    }

    private AuditRecord delivery(FederationEvent.DeliveryAttempted event) {
        byte[] body = event.body();
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
