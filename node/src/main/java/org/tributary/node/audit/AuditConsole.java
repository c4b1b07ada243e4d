package org.tributary.node.audit;

import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.security.PublicKey;
import java.util.Optional;
import java.util.function.Supplier;
import org.tributary.federation.audit.SignedCheckpoint;

/**
 * What the {@code audit} CLI does, in one place: verify the stored log, export it, prove one entry, and
 * sign a checkpoint first so that exports and proofs cover the whole log.
 */
public final class AuditConsole {
    private final StorageVerifier verifier;
    private final AuditExporter exporter;
    private final AuditProofs proofs;
    private final CheckpointSigner signer;
    private final Supplier<PublicKey> nodeKey;
    private final URI origin;
    private final AuditRetention retention;

    public AuditConsole(StorageVerifier verifier, AuditExporter exporter, AuditProofs proofs, CheckpointSigner signer,
            Supplier<PublicKey> nodeKey, URI origin, AuditRetention retention) {
        this.retention = retention;
        this.verifier = verifier;
        this.exporter = exporter;
        this.proofs = proofs;
        this.signer = signer;
        this.nodeKey = nodeKey;
        this.origin = origin;
    }

    /** Recomputes the tree from storage and checks every checkpoint (signs nothing: the log is evidence). */
    public StorageVerification verify() {
        return verifier.verify(nodeKey.get(), origin);
    }

    /** Signs a checkpoint of the current log if it grew since the last one. */
    public Optional<SignedCheckpoint> checkpointNow() {
        return signer.signIfGrown();
    }

    public long exportBundle(Writer out) {
        return exporter.writeBundle(out);
    }

    public long exportNQuads(OutputStream out) {
        return exporter.writeNQuads(out);
    }

    public Optional<InclusionAnswer> prove(long sequence) {
        return proofs.inclusion(sequence);
    }

    /** Applies the retention settings now (the schedule does it hourly); returns the bodies pruned. */
    public int pruneNow() {
        return retention.prune();
    }

    /** The key checkpoints verify with, for offline verifiers. */
    public PublicKey nodeKey() {
        return nodeKey.get();
    }

    public URI origin() {
        return origin;
    }
}
