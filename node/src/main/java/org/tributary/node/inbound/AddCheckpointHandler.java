package org.tributary.node.inbound;

import java.util.Optional;
import org.tributary.federation.audit.AuditFormatException;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.node.audit.CheckpointActivity;
import org.tributary.node.audit.PeerCheckpointWitness;

/**
 * A peer node publishes a checkpoint of its log (an {@code Add} of a {@code TributaryCheckpoint}). Guards:
 * the object is a checkpoint that parses, and the actor is the peer's instance actor ({@code /actor}), the
 * only actor that speaks for a node's log. Action: witness it.
 */
public final class AddCheckpointHandler implements ActivityHandler {
    private final CheckpointActivity checkpoints;
    private final PeerCheckpointWitness witness;

    public AddCheckpointHandler(CheckpointActivity checkpoints, PeerCheckpointWitness witness) {
        this.checkpoints = checkpoints;
        this.witness = witness;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Optional<SignedCheckpoint> checkpoint;
        try {
            checkpoint = checkpoints.decode(inbound.json());
        } catch (AuditFormatException e) {
            return new HandlerResult.Ignored("unreadable checkpoint: " + e.getMessage());
        }
        if (checkpoint.isEmpty()) {
            return new HandlerResult.Ignored("an Add of something other than a checkpoint");
        }
        if (!"/actor".equals(inbound.actor().getRawPath())) {
            return new HandlerResult.Ignored("only a node's instance actor publishes its checkpoints");
        }
        witness.witness(inbound.actor(), checkpoint.get());
        return HandlerResult.applied();
    }
}
