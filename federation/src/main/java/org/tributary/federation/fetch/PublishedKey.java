package org.tributary.federation.fetch;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.signature.KeyFormatException;

/**
 * A public key as a document publishes it: a {@code publicKey} entry ({@code id}, {@code owner},
 * {@code publicKeyPem}) or a FEP-521a Multikey in {@code assertionMethod} ({@code id}, {@code controller},
 * {@code publicKeyMultibase}). The document itself may also be a bare key.
 *
 * @param owner the owner the entry names; empty when it names none
 */
record PublishedKey(URI id, Optional<URI> owner, Encoding encoding, String encoded) {

    enum Encoding { PEM, MULTIBASE }

    /** Every key the document publishes, itself included when it is a bare key. */
    static List<PublishedKey> allIn(JsonObject document) {
        List<PublishedKey> keys = new ArrayList<>();
        from(document).ifPresent(keys::add);
        for (String property : List.of("publicKey", "assertionMethod")) {
            JsonValue value = document.get(property);
            if (value == null) {
                continue;
            }
            List<JsonValue> entries = value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : List.of(value);
            for (JsonValue entry : entries) {
                if (entry.getValueType() == JsonValue.ValueType.OBJECT) {
                    from(entry.asJsonObject()).ifPresent(keys::add);
                }
            }
        }
        return keys;
    }

    /** Whether the document lists {@code keyId} among its keys (the owner's side of the claim). */
    static boolean lists(JsonObject document, URI keyId) {
        for (String property : List.of("publicKey", "assertionMethod")) {
            JsonValue value = document.get(property);
            if (value == null) {
                continue;
            }
            List<JsonValue> entries = value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : List.of(value);
            for (JsonValue entry : entries) {
                JsonValue id = entry.getValueType() == JsonValue.ValueType.OBJECT ? entry.asJsonObject().get("id") : entry;
                if (uri(id).filter(keyId::equals).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    PublicKey decode() throws KeyFormatException {
        return encoding == Encoding.PEM ? KeyCodec.decodePublicKeyPem(encoded) : KeyCodec.decodeMultikey(encoded);
    }

    private static Optional<PublishedKey> from(JsonObject entry) {
        Optional<URI> id = uri(entry.get("id"));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (entry.get("publicKeyPem") instanceof JsonString pem) {
            return Optional.of(new PublishedKey(id.get(), uri(entry.get("owner")), Encoding.PEM, pem.getString()));
        }
        if (entry.get("publicKeyMultibase") instanceof JsonString multibase) {
            return Optional.of(new PublishedKey(
                    id.get(), uri(entry.get("controller")), Encoding.MULTIBASE, multibase.getString()));
        }
        return Optional.empty();
    }

    private static Optional<URI> uri(JsonValue value) {
        if (!(value instanceof JsonString string)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(string.getString()));
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }
}
