package org.tributary.node.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.tributary.federation.audit.Checkpoint;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.audit.SignedCheckpointJson;

/**
 * The activity that carries a signed checkpoint to a peer (spec/audit-log.md §Witnessing): an {@code Add}
 * by the instance actor of a {@code TributaryCheckpoint} object, into the node's checkpoint collection,
 * addressed to the peer's instance actor:
 * <pre>
 * {"@context":["https://www.w3.org/ns/activitystreams","https://sales.example.com/ns/tributary"],
 *  "id":"https://sales.example.com/audit/checkpoints/1024/1741165441250","type":"Add",
 *  "actor":"https://sales.example.com/actor","to":["https://finance.example.com/actor"],
 *  "target":"https://sales.example.com/audit/checkpoints",
 *  "object":{"id":"https://sales.example.com/audit/checkpoints/1024/1741165441250#checkpoint",
 *            "type":"TributaryCheckpoint",
 *            "attributedTo":"https://sales.example.com/actor","checkpoint":{...signed checkpoint JSON...}}}
 * </pre>
 * No consistency proof travels with it: the receiver asks for one from its own last accepted size.
 */
public final class CheckpointActivity {
    public static final String OBJECT_TYPE = "TributaryCheckpoint";
    private static final String AS = "https://www.w3.org/ns/activitystreams";

    private final SignedCheckpointJson json = new SignedCheckpointJson();

    /**
     * The activity id of a checkpoint: one per size and signing time, so a resend of the same checkpoint is a
     * duplicate but a second checkpoint for the same size (a rewritten log) is not dropped as one.
     */
    public static URI activityId(Checkpoint checkpoint) {
        return URI.create(checkpoint.origin() + "/audit/checkpoints/" + checkpoint.treeSize() + "/"
                + checkpoint.timestamp().toEpochMilli());
    }

    /** Whether an activity id or URL belongs to checkpoint exchange rather than to news. */
    public static boolean isGossip(String idOrUrl) {
        return idOrUrl.contains("/audit/checkpoints/") || idOrUrl.contains("/audit/consistency");
    }

    public byte[] encode(SignedCheckpoint signed, URI context, URI actor, URI to) {
        URI origin = signed.checkpoint().origin();
        URI id = activityId(signed.checkpoint());
        JsonObject activity = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(AS).add(context.toString()))
                .add("id", id.toString())
                .add("type", "Add")
                .add("actor", actor.toString())
                .add("to", Json.createArrayBuilder().add(to.toString()))
                .add("target", origin + "/audit/checkpoints")
                .add("object", Json.createObjectBuilder()
                        .add("id", id + "#checkpoint")
                        .add("type", OBJECT_TYPE)
                        .add("attributedTo", actor.toString())
                        .add("checkpoint", json.toJson(signed)))
                .build();
        return activity.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The signed checkpoint an inbound {@code Add} carries, or empty when it is some other {@code Add}. */
    public Optional<SignedCheckpoint> decode(JsonObject activity) {
        JsonValue object = activity.get("object");
        if (!(object instanceof JsonObject embedded) || !embedded.containsKey("checkpoint")
                || !OBJECT_TYPE.equals(embedded.getString("type", ""))
                || !(embedded.get("checkpoint") instanceof JsonObject checkpoint)) {
            return Optional.empty();
        }
        return Optional.of(json.fromJson(checkpoint));
    }
}
