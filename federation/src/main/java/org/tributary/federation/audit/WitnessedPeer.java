package org.tributary.federation.audit;

import java.net.URI;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A peer whose checkpoints this node witnesses: its base URL (the checkpoint origin), the public key its
 * checkpoints must verify with, and whether it is expected to be publishing (an allowlisted, running peer)
 * — only then does a checkpoint that stopped advancing count as {@link WitnessVerdict.Stale}.
 */
public record WitnessedPeer(URI origin, PublicKey publicKey, boolean expectedActive) {
    public WitnessedPeer {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(publicKey, "publicKey");
        Checkpoint.requireNodeUrl(origin);
    }
}
