package org.tributary.node.audit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Base64;
import java.util.List;
import org.tributary.federation.audit.AuditEntryJson;
import org.tributary.federation.audit.SignedCheckpointJson;

/**
 * JSON of the audit API. Entries and checkpoints use exactly the bundle's forms ({@link AuditEntryJson},
 * {@link SignedCheckpointJson}, camelCase like spec/audit-bundle.md), so what the API returns can be fed
 * to the federation library's verifiers unchanged.
 */
final class AuditJson {
    private final AuditEntryJson entries = new AuditEntryJson();
    private final SignedCheckpointJson checkpoints = new SignedCheckpointJson();

    JsonObject entry(StoredAuditEntry stored) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("entry", entries.toJson(stored.entry()))
                .add("leafHash", stored.storedLeafHash().base64())
                .add("headers", stored.headers());
        stored.body().ifPresent(body -> json.add("body", Base64.getEncoder().encodeToString(body)));
        stored.prunedAt().ifPresent(at -> json.add("bodyPrunedAt", at.toString()));
        return json.build();
    }

    JsonObject page(List<StoredAuditEntry> page) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        page.forEach(stored -> array.add(entry(stored)));
        JsonObjectBuilder json = Json.createObjectBuilder().add("entries", array);
        if (!page.isEmpty()) {
            json.add("next", page.get(page.size() - 1).sequence());
        }
        return json.build();
    }

    JsonObject inclusion(InclusionAnswer answer) {
        return Json.createObjectBuilder(entry(answer.entry()))
                .add("inclusion", ProofJson.inclusion(answer.proof()))
                .add("checkpoint", checkpoints.toJson(answer.checkpoint()))
                .build();
    }

    JsonObject consistency(AuditProofs.Consistency consistency) {
        return ProofJson.consistency(consistency.proof())
                .add("fromRoot", consistency.fromRoot().base64())
                .add("toRoot", consistency.toRoot().base64())
                .build();
    }

    JsonObject witnessed(WitnessStore.Witnessed witnessed) {
        return Json.createObjectBuilder()
                .add("peer", witnessed.peer())
                .add("checkpoint", checkpoints.toJson(witnessed.checkpoint()))
                .add("receivedAt", witnessed.receivedAt().toString())
                .add("verdict", witnessed.verdict())
                .add("accepted", witnessed.accepted())
                .build();
    }

    JsonObject alert(WitnessStore.Alert alert) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", Long.toString(alert.id()))
                .add("peer", alert.peer())
                .add("type", alert.type())
                .add("detail", alert.detail())
                .add("raisedAt", alert.raisedAt().toString());
        if (alert.evidence() != null) {
            json.add("evidence", Json.createReader(new java.io.StringReader(alert.evidence())).readArray());
        }
        return json.build();
    }

    JsonObject checkpoint(org.tributary.federation.audit.SignedCheckpoint signed) {
        return checkpoints.toJson(signed);
    }
}
