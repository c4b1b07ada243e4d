package org.tributary.federation.audit;

import java.net.URI;
import java.util.Objects;

/** One parsed line of an audit bundle (see {@code spec/audit-bundle.md}). */
sealed interface BundleLine {

    /** {@code {"type":"audit-bundle","version":1,"origin":...,"from":a,"to":b}}: always the first line. */
    record Header(int version, URI origin, long from, long to) implements BundleLine {
        public Header {
            Objects.requireNonNull(origin);
        }
    }

    /** {@code {"type":"checkpoint","checkpoint":{signed checkpoint}}}. */
    record CheckpointLine(SignedCheckpoint signed) implements BundleLine {
        public CheckpointLine {
            Objects.requireNonNull(signed);
        }
    }

    /** {@code {"type":"consistency","fromSize":m,"toSize":n,"proof":[...]}}. */
    record ConsistencyLine(ConsistencyProof proof) implements BundleLine {
        public ConsistencyLine {
            Objects.requireNonNull(proof);
        }
    }

    /** {@code {"type":"entry","leafIndex":i,"checkpointSize":n,"entry":{...},"proof":[...]}}. */
    record EntryLine(AuditEntry entry, InclusionProof proof) implements BundleLine {
        public EntryLine {
            Objects.requireNonNull(entry);
            Objects.requireNonNull(proof);
        }

        long leafIndex() {
            return proof.leafIndex();
        }
    }
}
