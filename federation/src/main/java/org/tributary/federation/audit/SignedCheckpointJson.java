package org.tributary.federation.audit;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.Base64;
import java.util.Locale;
import org.tributary.federation.signature.KeyAlgorithm;

/**
 * JSON form of a {@link SignedCheckpoint}, as peers exchange it and as audit bundles carry it:
 * <pre>
 * {"origin":"https://sales.example.com","treeSize":1024,"rootHash":"&lt;base64&gt;",
 *  "timestamp":"2025-03-05T09:04:01.250Z","keyId":"https://sales.example.com/actor#main-key",
 *  "algorithm":"ed25519","signature":"&lt;base64&gt;"}
 * </pre>
 * {@code algorithm} is {@code ed25519} or {@code rsa-sha256}. The signature covers the checkpoint's
 * canonical text rebuilt from these fields, so the JSON's own spelling (key order, spacing) does not matter;
 * the timestamp must be in the canonical form. Unknown fields are ignored.
 */
public final class SignedCheckpointJson {
    private final JsonProvider json;

    public SignedCheckpointJson() {
        this.json = JsonProvider.provider();
    }

    public JsonObject toJson(SignedCheckpoint signed) {
        Checkpoint c = signed.checkpoint();
        return json.createObjectBuilder()
                .add("origin", c.origin().toString())
                .add("treeSize", c.treeSize())
                .add("rootHash", c.rootHash().base64())
                .add("timestamp", AuditTime.format(c.timestamp()))
                .add("keyId", signed.keyId().toString())
                .add("algorithm", algorithmName(signed.algorithm()))
                .add("signature", Base64.getEncoder().encodeToString(signed.signature()))
                .build();
    }

    public String encode(SignedCheckpoint signed) {
        return toJson(signed).toString();
    }

    /** Parses a JSON document; fails with {@code malformed_audit_data} naming the bad field. */
    public SignedCheckpoint decode(String text) {
        return fromJson(JsonFields.parseObject(json, text));
    }

    public SignedCheckpoint fromJson(JsonObject object) {
        Checkpoint checkpoint = new Checkpoint(
                JsonFields.uri(object, "origin"),
                JsonFields.nonNegativeLong(object, "treeSize"),
                JsonFields.hash(object, "rootHash"),
                AuditTime.parse(JsonFields.string(object, "timestamp")));
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(JsonFields.string(object, "signature"));
        } catch (IllegalArgumentException e) {
            throw new AuditFormatException("field \"signature\" is not base64", e);
        }
        return new SignedCheckpoint(checkpoint, JsonFields.uri(object, "keyId"),
                algorithmFromName(JsonFields.string(object, "algorithm")), signature);
    }

    static String algorithmName(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> "ed25519";
            case RSA -> "rsa-sha256";
        };
    }

    static KeyAlgorithm algorithmFromName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "ed25519" -> KeyAlgorithm.ED25519;
            case "rsa-sha256" -> KeyAlgorithm.RSA;
            default -> throw new AuditFormatException("unknown checkpoint signature algorithm \"" + name + "\"");
        };
    }
}
