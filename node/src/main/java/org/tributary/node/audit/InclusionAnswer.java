package org.tributary.node.audit;

import java.util.Objects;
import org.tributary.federation.audit.InclusionProof;
import org.tributary.federation.audit.SignedCheckpoint;

/** One entry, its inclusion proof and the signed checkpoint the proof leads to. */
public record InclusionAnswer(StoredAuditEntry entry, InclusionProof proof, SignedCheckpoint checkpoint) {
    public InclusionAnswer {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** Whether the proof leads from the entry's recomputed leaf to the checkpoint's root. */
    public boolean verifies() {
        return proof.verify(entry.entry().leafHash(), checkpoint.checkpoint().rootHash());
    }
}
