package org.tributary.federation.fetch;

import jakarta.json.JsonObject;
import java.util.Objects;
import org.tributary.federation.FederationError;

/** The outcome of a signed fetch: the verified document with its raw bytes, or a coded failure. */
public sealed interface FetchResult {

    record Fetched(JsonObject document, byte[] raw) implements FetchResult {
        public Fetched {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(raw, "raw");
        }
    }

    record Failed(FederationError error, String detail) implements FetchResult {
        public Failed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
