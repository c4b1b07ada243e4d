package org.tributary.federation.audit;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** The outcome of verifying an audit bundle. */
public sealed interface BundleVerification {

    default boolean verified() {
        return this instanceof Verified;
    }

    /**
     * Every line checked: the entries {@code [from, to)} are exactly the log's, in order, under the listed
     * checkpoints, which are signed and consistent with one another.
     */
    record Verified(URI origin, long from, long to, List<Checkpoint> checkpoints) implements BundleVerification {
        public Verified {
            Objects.requireNonNull(origin);
            checkpoints = List.copyOf(checkpoints);
        }

        /** The newest checkpoint the bundle proves. */
        public Checkpoint newest() {
            return checkpoints.get(checkpoints.size() - 1);
        }

        /** True when the entries are the whole log up to the newest checkpoint (a full export). */
        public boolean coversWholeLog() {
            return from == 0 && to == newest().treeSize();
        }
    }

    /**
     * The first problem found: the 1-based line where it shows, the index of the entry concerned when there is
     * one, why, and a sentence for people.
     */
    record Failed(long line, OptionalLong entryIndex, BundleFailure reason, String detail)
            implements BundleVerification {
        public Failed {
            Objects.requireNonNull(entryIndex);
            Objects.requireNonNull(reason);
            Objects.requireNonNull(detail);
        }
    }
}
