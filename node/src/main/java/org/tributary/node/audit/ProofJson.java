package org.tributary.node.audit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.tributary.federation.audit.AuditFormatException;
import org.tributary.federation.audit.ConsistencyProof;
import org.tributary.federation.audit.InclusionProof;
import org.tributary.federation.audit.TreeHash;

/**
 * JSON of proofs as the audit API and the peer proof endpoint serve them, hashes in standard base64 like
 * the bundle format: {@code {"fromSize":13,"toSize":30,"proof":["..."]}} and
 * {@code {"leafIndex":7,"treeSize":30,"proof":["..."]}}.
 */
public final class ProofJson {
    private ProofJson() {
    }

    public static JsonObjectBuilder consistency(ConsistencyProof proof) {
        return Json.createObjectBuilder().add("fromSize", proof.fromSize()).add("toSize", proof.toSize())
                .add("proof", hashes(proof.path()));
    }

    public static JsonObjectBuilder inclusion(InclusionProof proof) {
        return Json.createObjectBuilder().add("leafIndex", proof.leafIndex()).add("treeSize", proof.treeSize())
                .add("proof", hashes(proof.path()));
    }

    /** Reads a consistency proof; fails with {@code malformed_audit_data} on any wrong shape. */
    public static ConsistencyProof readConsistency(JsonObject json) {
        try {
            List<TreeHash> path = new ArrayList<>();
            for (JsonValue value : json.getJsonArray("proof")) {
                path.add(TreeHash.fromBase64(((JsonString) value).getString()));
            }
            return new ConsistencyProof(((JsonNumber) json.get("fromSize")).longValueExact(),
                    ((JsonNumber) json.get("toSize")).longValueExact(), path);
        } catch (ClassCastException | NullPointerException | ArithmeticException e) {
            throw new AuditFormatException("not a consistency proof: " + e.getMessage(), e);
        }
    }

    private static JsonArrayBuilder hashes(List<TreeHash> path) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        path.forEach(hash -> array.add(hash.base64()));
        return array;
    }
}
