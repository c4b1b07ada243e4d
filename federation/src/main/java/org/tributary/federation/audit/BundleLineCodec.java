package org.tributary.federation.audit;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.OptionalLong;

/** Reads and writes the JSON Lines of an audit bundle, one {@link BundleLine} per line. */
final class BundleLineCodec {
    static final int VERSION = 1;

    private final JsonProvider json = JsonProvider.provider();
    private final SignedCheckpointJson checkpoints = new SignedCheckpointJson();
    private final AuditEntryJson entries = new AuditEntryJson();

    /** Parses one line; fails with {@code malformed_audit_data} naming what is wrong. */
    BundleLine parse(String line) {
        JsonObject object = JsonFields.parseObject(json, line);
        String type = JsonFields.string(object, "type");
        return switch (type) {
            case "audit-bundle" -> {
                long version = JsonFields.nonNegativeLong(object, "version");
                yield new BundleLine.Header((int) Math.min(version, Integer.MAX_VALUE),
                        JsonFields.uri(object, "origin"),
                        JsonFields.nonNegativeLong(object, "from"), JsonFields.nonNegativeLong(object, "to"));
            }
            case "checkpoint" -> new BundleLine.CheckpointLine(
                    checkpoints.fromJson(JsonFields.object(object, "checkpoint")));
            case "consistency" -> new BundleLine.ConsistencyLine(new ConsistencyProof(
                    JsonFields.nonNegativeLong(object, "fromSize"), JsonFields.nonNegativeLong(object, "toSize"),
                    JsonFields.hashes(object, "proof")));
            case "entry" -> new BundleLine.EntryLine(entries.fromJson(JsonFields.object(object, "entry")),
                    new InclusionProof(JsonFields.nonNegativeLong(object, "leafIndex"),
                            JsonFields.nonNegativeLong(object, "checkpointSize"), JsonFields.hashes(object, "proof")));
            default -> throw new AuditFormatException("unknown line type \"" + type + "\"");
        };
    }

    /**
     * Reads only the leaf index of an entry line, for looking ahead after an ordering error; empty for any
     * other or unreadable line.
     */
    OptionalLong peekLeafIndex(String line) {
        try {
            JsonObject object = JsonFields.parseObject(json, line);
            if ("entry".equals(JsonFields.string(object, "type"))) {
                return OptionalLong.of(JsonFields.nonNegativeLong(object, "leafIndex"));
            }
        } catch (AuditFormatException e) {
            // An unreadable line says nothing about where an entry went.
        }
        return OptionalLong.empty();
    }

    String header(BundleLine.Header h) {
        return json.createObjectBuilder()
                .add("type", "audit-bundle").add("version", h.version()).add("origin", h.origin().toString())
                .add("from", h.from()).add("to", h.to()).build().toString();
    }

    String checkpoint(SignedCheckpoint signed) {
        return json.createObjectBuilder()
                .add("type", "checkpoint").add("checkpoint", checkpoints.toJson(signed)).build().toString();
    }

    String consistency(ConsistencyProof proof) {
        return json.createObjectBuilder()
                .add("type", "consistency").add("fromSize", proof.fromSize())
                .add("toSize", proof.toSize()).add("proof", hashArray(proof.path())).build().toString();
    }

    String entry(AuditEntry entry, InclusionProof proof) {
        return json.createObjectBuilder()
                .add("type", "entry").add("leafIndex", proof.leafIndex())
                .add("checkpointSize", proof.treeSize()).add("entry", entries.toJson(entry))
                .add("proof", hashArray(proof.path())).build().toString();
    }

    private JsonArrayBuilder hashArray(List<TreeHash> hashes) {
        JsonArrayBuilder array = json.createArrayBuilder();
        hashes.forEach(h -> array.add(h.base64()));
        return array;
    }
}
