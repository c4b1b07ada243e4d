package org.tributary.federation.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges a peer's new signed checkpoint against the last one accepted from it, so that a node rewriting its
 * past is noticed by the others. Checks run in this order, the first that applies decides:
 * <ol>
 *   <li>{@link WitnessVerdict.BadSignature}: the signature does not verify with the peer's key;</li>
 *   <li>{@link WitnessVerdict.OriginMismatch}: the checkpoint is for another origin than the peer's;</li>
 *   <li>{@link WitnessVerdict.Forked}: same size but another root, or the consistency proof fails;</li>
 *   <li>{@link WitnessVerdict.Replayed}: other contents with a timestamp no later than the accepted one;</li>
 *   <li>{@link WitnessVerdict.Shrunk}: a later timestamp but a smaller tree;</li>
 *   <li>{@link WitnessVerdict.Stale}: consistent, but the newest timestamp is older than the allowed silence
 *       while the peer is expected to be active;</li>
 *   <li>{@link WitnessVerdict.Consistent} otherwise.</li>
 * </ol>
 * A fork outranks a replay: two signed roots for one size are proof of misbehaviour whatever their times.
 */
public final class CheckpointWitness {
    private final Duration maxSilence;
    private final Clock clock;

    /**
     * @param maxSilence how long an active peer's newest checkpoint may stay unchanged
     * @param clock      the time source (tests control it)
     */
    public CheckpointWitness(Duration maxSilence, Clock clock) {
        this.maxSilence = Objects.requireNonNull(maxSilence, "maxSilence");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxSilence.isNegative() || maxSilence.isZero()) {
            throw new IllegalArgumentException("maxSilence must be positive: " + maxSilence);
        }
    }

    /** The first checkpoint seen from a peer (trust on first use): only signature, origin and age apply. */
    public WitnessVerdict assessFirst(WitnessedPeer peer, SignedCheckpoint candidate) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(candidate, "candidate");
        return identityFailure(peer, candidate)
                .orElseGet(() -> freshness(peer, candidate, candidate.checkpoint().treeSize()));
    }

    /**
     * A new checkpoint from a peer whose checkpoint {@code accepted} was accepted before, with the peer's
     * consistency proof from {@code accepted}'s size to {@code candidate}'s (empty when the sizes are equal).
     */
    public WitnessVerdict assess(WitnessedPeer peer, SignedCheckpoint accepted, SignedCheckpoint candidate,
                                 ConsistencyProof proof) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(accepted, "accepted");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(proof, "proof");
        Optional<WitnessVerdict> rejected = identityFailure(peer, candidate);
        if (rejected.isPresent()) {
            return rejected.get();
        }
        Checkpoint old = accepted.checkpoint();
        Checkpoint now = candidate.checkpoint();
        if (now.equals(old)) {
            return freshness(peer, candidate, 0);
        }
        if (now.treeSize() == old.treeSize() && !now.rootHash().equals(old.rootHash())) {
            return new WitnessVerdict.Forked(WitnessVerdict.ForkEvidence.SAME_SIZE_DIFFERENT_ROOT,
                    "two roots for tree size " + now.treeSize() + ": " + old.rootHash() + " and " + now.rootHash());
        }
        if (!now.timestamp().isAfter(old.timestamp())) {
            return new WitnessVerdict.Replayed(old.timestamp(), now.timestamp());
        }
        if (now.treeSize() < old.treeSize()) {
            return new WitnessVerdict.Shrunk(old.treeSize(), now.treeSize());
        }
        if (now.treeSize() > old.treeSize()) {
            if (proof.fromSize() != old.treeSize() || proof.toSize() != now.treeSize()) {
                return new WitnessVerdict.Forked(WitnessVerdict.ForkEvidence.PROOF_FOR_OTHER_SIZES,
                        "proof is for " + proof.fromSize() + " -> " + proof.toSize() + ", checkpoints are "
                                + old.treeSize() + " -> " + now.treeSize());
            }
            if (!proof.verify(old.rootHash(), now.rootHash())) {
                return new WitnessVerdict.Forked(WitnessVerdict.ForkEvidence.PROOF_INVALID,
                        "tree " + old.treeSize() + " is not a prefix of tree " + now.treeSize());
            }
        }
        return freshness(peer, candidate, now.treeSize() - old.treeSize());
    }

    private static Optional<WitnessVerdict> identityFailure(WitnessedPeer peer, SignedCheckpoint candidate) {
        if (!candidate.verify(peer.publicKey())) {
            return Optional.of(new WitnessVerdict.BadSignature("checkpoint by " + candidate.keyId()
                    + " does not verify with the " + peer.publicKey().getAlgorithm() + " key of " + peer.origin()));
        }
        if (!candidate.checkpoint().origin().equals(peer.origin())) {
            return Optional.of(new WitnessVerdict.OriginMismatch(peer.origin(), candidate.checkpoint().origin()));
        }
        return Optional.empty();
    }

    private WitnessVerdict freshness(WitnessedPeer peer, SignedCheckpoint candidate, long newEntries) {
        Instant newest = candidate.checkpoint().timestamp();
        Duration silence = Duration.between(newest, clock.instant());
        if (peer.expectedActive() && silence.compareTo(maxSilence) > 0) {
            return new WitnessVerdict.Stale(candidate, newest, silence);
        }
        return new WitnessVerdict.Consistent(candidate, newEntries);
    }
}
