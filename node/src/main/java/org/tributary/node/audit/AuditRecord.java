package org.tributary.node.audit;

import java.time.Instant;
import java.util.Objects;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.http.HeaderMap;

/**
 * What a caller asks the log to record: an entry without its sequence number, which only the log assigns.
 * Text that does not apply is the empty string; {@code body} is the raw bytes exchanged (empty when there
 * were none) and {@code headers} the header fields worth keeping. Build one with {@link #of} and the
 * {@code with...} methods.
 */
public record AuditRecord(
        Instant time,
        AuditDirection direction,
        String kind,
        String peer,
        String activityId,
        String activityType,
        String actor,
        String object,
        String result,
        byte[] body,
        HeaderMap headers) {

    public AuditRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        peer = Objects.requireNonNullElse(peer, "");
        activityId = Objects.requireNonNullElse(activityId, "");
        activityType = Objects.requireNonNullElse(activityType, "");
        actor = Objects.requireNonNullElse(actor, "");
        object = Objects.requireNonNullElse(object, "");
        result = Objects.requireNonNullElse(result, "");
        body = body == null ? new byte[0] : body;
        headers = headers == null ? HeaderMap.empty() : headers;
    }

    /** A record of {@code kind} with every other field empty. */
    public static AuditRecord of(Instant time, AuditDirection direction, String kind) {
        return new AuditRecord(time, direction, kind, "", "", "", "", "", "", null, null);
    }

    public AuditRecord withPeer(String newPeer) {
        return new AuditRecord(time, direction, kind, newPeer, activityId, activityType, actor, object, result, body,
                headers);
    }

    public AuditRecord withActivity(String id, String type, String newActor, String newObject) {
        return new AuditRecord(time, direction, kind, peer, id, type, newActor, newObject, result, body, headers);
    }

    public AuditRecord withResult(String newResult) {
        return new AuditRecord(time, direction, kind, peer, activityId, activityType, actor, object, newResult, body,
                headers);
    }

    public AuditRecord withMessage(byte[] newBody, HeaderMap newHeaders) {
        return new AuditRecord(time, direction, kind, peer, activityId, activityType, actor, object, result, newBody,
                newHeaders);
    }
}
