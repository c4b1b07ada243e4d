package org.tributary.federation.spi;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An activity as the inbox received it: the few fields the pipeline checks, the parsed JSON for the
 * handlers, and the raw bytes exactly as signed (the compliance log keeps those, not a re-serialisation).
 *
 * @param objectId           the {@code object}'s id, whether embedded or given as a bare reference
 * @param objectAttributedTo the embedded object's {@code attributedTo}, when there is exactly one
 */
public record InboundActivity(
        URI id,
        String type,
        URI actor,
        Optional<URI> objectId,
        Optional<URI> objectAttributedTo,
        JsonObject json,
        byte[] raw) {

    public InboundActivity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(objectAttributedTo, "objectAttributedTo");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(raw, "raw");
    }
}
