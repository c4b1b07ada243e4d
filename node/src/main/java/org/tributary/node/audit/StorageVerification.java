package org.tributary.node.audit;

import java.util.Objects;
import java.util.OptionalLong;

/** The outcome of checking the stored log against itself and its signed checkpoints. */
public sealed interface StorageVerification {

    /** Every entry matches its leaf hash, the sequence is gap-free and every checkpoint verifies. */
    record Verified(long entries, int checkpoints) implements StorageVerification {
    }

    /**
     * The first problem found.
     *
     * @param firstBadEntry the sequence number of the first entry that is wrong, missing or out of place, when
     *                      the problem concerns entries
     */
    record Failed(Problem problem, OptionalLong firstBadEntry, String detail) implements StorageVerification {
        public Failed {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(firstBadEntry, "firstBadEntry");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** What was wrong. */
    enum Problem {
        /** A stored checkpoint does not verify with the node's key, or is not this node's. */
        BAD_CHECKPOINT_SIGNATURE,
        /** Checkpoints of larger trees are not later in time. */
        CHECKPOINTS_OUT_OF_ORDER,
        /** A row cannot be read as an entry. */
        MALFORMED_ENTRY,
        /** The entry at this position is not the one expected: one was deleted or entries were reordered. */
        ENTRY_MISSING,
        /** An entry's fields no longer hash to the leaf stored with it. */
        ENTRY_ALTERED,
        /** The tree recomputed from the entries has another root than a signed checkpoint. */
        ROOT_MISMATCH,
        /** The log holds fewer entries than a signed checkpoint covers. */
        TRUNCATED,
        /**
         * The keys that searches go by ({@code audit_entry_keys}: time, peer, kind) do not match an entry, or an entry
         * below the keyed prefix has none: searches by those could miss it. The entries themselves verified.
         */
        KEYS_ALTERED
    }
}
