package org.tributary.federation.inbox;

import java.net.URI;
import java.util.Objects;
import org.tributary.federation.FederationError;
import org.tributary.federation.spi.InboundActivity;

/** What the inbox answers for one request. */
public sealed interface InboxOutcome {

    /** The activity passed every check and is stored durably. */
    record Accepted(InboundActivity activity) implements InboxOutcome {
        public Accepted {
            Objects.requireNonNull(activity, "activity");
        }
    }

    /** A verified replay of an id already stored: acknowledged so the peer stops retrying, not applied twice. */
    record Duplicate(URI activityId) implements InboxOutcome {
        public Duplicate {
            Objects.requireNonNull(activityId, "activityId");
        }
    }

    record Rejected(FederationError error, String detail) implements InboxOutcome {
        public Rejected {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The status an HTTP inbox answers with: 202 for accepted and duplicate, the error's status otherwise. */
    default int httpStatus() {
        if (this instanceof Rejected rejected) {
            return rejected.error().httpStatus();
        }
        return 202;
    }
}
