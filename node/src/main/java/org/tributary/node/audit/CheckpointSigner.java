package org.tributary.node.audit;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.tributary.federation.audit.Checkpoint;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.signature.SigningKey;
import org.tributary.node.store.Database;

/**
 * Signs a checkpoint of the log with the instance actor's Ed25519 key whenever the log grew since the last
 * one. Run on a schedule more often than once a minute, it signs at least once a minute while there is
 * traffic and never while the log is idle. Each checkpoint is stored before it is published.
 */
public final class CheckpointSigner {
    private final Database database;
    private final CheckpointStore checkpoints;
    private final AuditLog log;
    private final Supplier<SigningKey> instanceKey;
    private final URI origin;
    private final Clock clock;

    public CheckpointSigner(Database database, CheckpointStore checkpoints, AuditLog log,
            Supplier<SigningKey> instanceKey, URI origin, Clock clock) {
        this.database = database;
        this.checkpoints = checkpoints;
        this.log = log;
        this.instanceKey = instanceKey;
        this.origin = origin;
        this.clock = clock;
    }

    /** Signs and stores a checkpoint of the current log if it grew; returns it, or empty when idle. */
    public synchronized Optional<SignedCheckpoint> signIfGrown() {
        TreeState state = log.state();
        Optional<SignedCheckpoint> latest = latest();
        if (state.size() == 0 || latest.map(c -> c.checkpoint().treeSize() >= state.size()).orElse(false)) {
            return Optional.empty();
        }
        Checkpoint checkpoint = new Checkpoint(origin, state.size(), state.root(), clock.instant());
        if (latest.isPresent() && !checkpoint.timestamp().isAfter(latest.get().checkpoint().timestamp())) {
            // Checkpoint times strictly increase; a clock that stood still waits for the next round.
            return Optional.empty();
        }
        SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint, instanceKey.get());
        database.inTransactionVoid(connection -> checkpoints.insert(connection, signed));
        return Optional.of(signed);
    }

    public Optional<SignedCheckpoint> latest() {
        return database.inTransaction(checkpoints::latest);
    }
}
