package org.tributary.node.audit;

import java.util.Objects;

/** What a SPARQL query over the log produced. */
public sealed interface SparqlOutcome {

    /** The serialised results and their media type. */
    record Answered(String mediaType, String body) implements SparqlOutcome {
        public Answered {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * The query was refused or failed: {@code sparql_syntax}, {@code sparql_update_forbidden},
     * {@code sparql_service_forbidden} or {@code sparql_timeout}.
     */
    record Refused(int status, String code, String detail) implements SparqlOutcome {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
