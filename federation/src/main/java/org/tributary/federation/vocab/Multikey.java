package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.Objects;

/** A FEP-521a {@code Multikey} verification method listed in an actor's {@code assertionMethod}. */
public record Multikey(URI id, URI controller, String publicKeyMultibase, JsonObject extensions) {

    public Multikey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(publicKeyMultibase, "publicKeyMultibase");
        extensions = extensions == null ? JsonValue.EMPTY_JSON_OBJECT : extensions;
    }

    public Multikey(URI id, URI controller, String publicKeyMultibase) {
        this(id, controller, publicKeyMultibase, JsonValue.EMPTY_JSON_OBJECT);
    }
}
