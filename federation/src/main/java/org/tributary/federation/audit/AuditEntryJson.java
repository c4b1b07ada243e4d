package org.tributary.federation.audit;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/**
 * JSON form of an {@link AuditEntry}'s leaf fields, as audit bundles carry them:
 * <pre>
 * {"sequence":42,"time":"2025-03-05T09:04:01.250Z","direction":"inbound","kind":"inbox.accepted",
 *  "peer":"hr.example.com","activityId":"...","activityType":"Follow","actor":"...","object":"...",
 *  "result":"","bodyDigest":"&lt;base64&gt;","headerDigest":"&lt;base64&gt;"}
 * </pre>
 * Every field is required (text that does not apply is {@code ""}), so that the leaf hash a verifier
 * recomputes from the JSON is the one the node computed. The JSON is only transport: the leaf hashes the
 * length-prefixed encoding, never these bytes.
 */
public final class AuditEntryJson {
    private final JsonProvider json;

    public AuditEntryJson() {
        this.json = JsonProvider.provider();
    }

    public JsonObject toJson(AuditEntry entry) {
        return json.createObjectBuilder()
                .add("sequence", entry.sequence())
                .add("time", AuditTime.format(entry.time()))
                .add("direction", entry.direction().wireName())
                .add("kind", entry.kind())
                .add("peer", entry.peer())
                .add("activityId", entry.activityId())
                .add("activityType", entry.activityType())
                .add("actor", entry.actor())
                .add("object", entry.object())
                .add("result", entry.result())
                .add("bodyDigest", entry.bodyDigest().base64())
                .add("headerDigest", entry.headerDigest().base64())
                .build();
    }

    public String encode(AuditEntry entry) {
        return toJson(entry).toString();
    }

    public AuditEntry decode(String text) {
        return fromJson(JsonFields.parseObject(json, text));
    }

    /** Reads the fields; fails with {@code malformed_audit_data} naming the first bad one. */
    public AuditEntry fromJson(JsonObject object) {
        return new AuditEntry(
                JsonFields.nonNegativeLong(object, "sequence"),
                AuditTime.parse(JsonFields.string(object, "time")),
                AuditDirection.fromWireName(JsonFields.string(object, "direction")),
                JsonFields.string(object, "kind"),
                JsonFields.string(object, "peer"),
                JsonFields.string(object, "activityId"),
                JsonFields.string(object, "activityType"),
                JsonFields.string(object, "actor"),
                JsonFields.string(object, "object"),
                JsonFields.string(object, "result"),
                JsonFields.hash(object, "bodyDigest"),
                JsonFields.hash(object, "headerDigest"));
    }
}
