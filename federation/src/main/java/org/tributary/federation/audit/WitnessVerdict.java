package org.tributary.federation.audit;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** How a witness classifies a peer's new checkpoint against the last one it accepted from that peer. */
public sealed interface WitnessVerdict {

    /** The checkpoint to store as the peer's new last accepted one, when there is one. */
    Optional<SignedCheckpoint> toAccept();

    /** The new checkpoint extends the accepted one (proven), or restates it with a later time. */
    record Consistent(SignedCheckpoint checkpoint, long newEntries) implements WitnessVerdict {
        public Consistent {
            Objects.requireNonNull(checkpoint);
        }

        @Override
        public Optional<SignedCheckpoint> toAccept() {
            return Optional.of(checkpoint);
        }
    }

    /**
     * Consistent, but the peer's newest checkpoint time has not advanced for longer than allowed while the
     * peer should be active: it may be withholding entries. The checkpoint itself is still sound to keep.
     */
    record Stale(SignedCheckpoint checkpoint, Instant newestTimestamp, Duration silence) implements WitnessVerdict {
        public Stale {
            Objects.requireNonNull(checkpoint);
            Objects.requireNonNull(newestTimestamp);
            Objects.requireNonNull(silence);
        }

        @Override
        public Optional<SignedCheckpoint> toAccept() {
            return Optional.of(checkpoint);
        }
    }

    /** Evidence that the peer's log has two histories: keep both signed checkpoints as proof. */
    record Forked(ForkEvidence evidence, String detail) implements WitnessVerdict {
        public Forked {
            Objects.requireNonNull(evidence);
            Objects.requireNonNull(detail);
        }

        @Override
        public Optional<SignedCheckpoint> toAccept() {
            return Optional.empty();
        }
    }

    /** The peer now claims fewer entries than it already signed for, with a newer timestamp. */
    record Shrunk(long acceptedSize, long claimedSize) implements WitnessVerdict {
        @Override
        public Optional<SignedCheckpoint> toAccept() {
            return Optional.empty();
        }
    }

    /** The checkpoint's signature does not verify with the peer's key. */
    record BadSignature(String detail) implements WitnessVerdict {
        public BadSignature {
            Objects.requireNonNull(detail);
        }

        @Override
        public Optional<SignedCheckpoint> toAccept() {
            return Optional.empty();
        }
    }

    /** A checkpoint with other contents but a timestamp no later than the accepted one: an old or replayed one. */
    record Replayed(Instant acceptedTimestamp, Instant claimedTimestamp) implements WitnessVerdict {
        public Replayed {
            Objects.requireNonNull(acceptedTimestamp);
            Objects.requireNonNull(claimedTimestamp);
        }

        @Override
        public Optional<SignedCheckpoint> toAccept() {
            return Optional.empty();
        }
    }

    /** The checkpoint names another log than the peer's (validly signed or not, it is not this peer's). */
    record OriginMismatch(URI expected, URI actual) implements WitnessVerdict {
        public OriginMismatch {
            Objects.requireNonNull(expected);
            Objects.requireNonNull(actual);
        }

        @Override
        public Optional<SignedCheckpoint> toAccept() {
            return Optional.empty();
        }
    }

    /** Why a checkpoint pair proves a fork. */
    enum ForkEvidence {
        /** Both checkpoints are for the same tree size but name different roots. */
        SAME_SIZE_DIFFERENT_ROOT,
        /** The supplied consistency proof is for other tree sizes than the two checkpoints. */
        PROOF_FOR_OTHER_SIZES,
        /** The consistency proof does not connect the two roots. */
        PROOF_INVALID
    }
}
