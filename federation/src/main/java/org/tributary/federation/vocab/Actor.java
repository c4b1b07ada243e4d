package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An ActivityPub actor (Person, Service, ...). Optional links are {@code null} when absent.
 *
 * @param sharedInbox    {@code endpoints.sharedInbox}; other endpoints stay in {@code extensions}
 * @param publicKey      the SPKI PEM key for HTTP signatures, or {@code null}
 * @param assertionMethod the FEP-521a Multikey keys, possibly empty
 * @param extensions     every property not modelled here, written back unchanged
 */
public record Actor(
        URI id,
        String type,
        String preferredUsername,
        String name,
        String summary,
        URI inbox,
        URI outbox,
        URI followers,
        URI following,
        URI sharedInbox,
        PublicKeyPem publicKey,
        List<Multikey> assertionMethod,
        boolean manuallyApprovesFollowers,
        JsonObject extensions) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(inbox, "inbox");
        assertionMethod = assertionMethod == null ? List.of() : List.copyOf(assertionMethod);
        extensions = extensions == null ? JsonValue.EMPTY_JSON_OBJECT : extensions;
    }
}
