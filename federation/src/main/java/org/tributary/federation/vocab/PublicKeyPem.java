package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.Objects;

/**
 * The {@code publicKey} of an actor (security v1): key id, owner and SPKI PEM. A peer may publish
 * the key only by reference; then {@code owner} and {@code publicKeyPem} are {@code null} and the
 * key has to be fetched by its id.
 */
public record PublicKeyPem(URI id, URI owner, String publicKeyPem, JsonObject extensions) {

    public PublicKeyPem {
        Objects.requireNonNull(id, "id");
        extensions = extensions == null ? JsonValue.EMPTY_JSON_OBJECT : extensions;
    }

    public PublicKeyPem(URI id, URI owner, String publicKeyPem) {
        this(id, owner, publicKeyPem, JsonValue.EMPTY_JSON_OBJECT);
    }
}
