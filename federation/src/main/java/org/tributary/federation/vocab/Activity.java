package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An activity. {@code object} is {@code null} for intransitive activities; when the object was
 * embedded its whole JSON is kept in {@link ObjectRef.Embedded}. Properties such as {@code target}
 * or our {@code recipient} live in {@code extensions}.
 */
public record Activity(
        URI id,
        String type,
        URI actor,
        ObjectRef object,
        List<URI> to,
        List<URI> cc,
        Instant published,
        JsonObject extensions) {

    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        extensions = extensions == null ? JsonValue.EMPTY_JSON_OBJECT : extensions;
    }

    /** The id of the object, whether it was sent by reference or embedded; {@code null} if none. */
    public URI objectId() {
        return object == null ? null : object.id();
    }
}
