package org.tributary.federation.inbox;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the few AS2 properties the inbox checks. In AS2 a reference may be a string, an object with an
 * {@code id}, or an array of either; these helpers accept all three and ignore anything else.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** An absolute http(s) URI from a JSON string. */
    static Optional<URI> absoluteHttpUri(JsonValue value) {
        if (!(value instanceof JsonString string)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(string.getString());
            return Origin.of(uri).isPresent() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }

    /** The id of a single reference: a URI string or an object with an {@code id}. */
    static Optional<URI> referencedId(JsonValue value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            return absoluteHttpUri(value.asJsonObject().get("id"));
        }
        return absoluteHttpUri(value);
    }

    /**
     * The ids of every entry of a reference that may be an array. Entries that are not usable references
     * are skipped; callers compare with {@link #entryCount} to notice them.
     */
    static List<URI> referencedIds(JsonValue value) {
        List<URI> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue entry : value.asJsonArray()) {
                referencedId(entry).ifPresent(ids::add);
            }
        } else {
            referencedId(value).ifPresent(ids::add);
        }
        return ids;
    }

    /** How many entries a possibly-array value has (0 for absent or null). */
    static int entryCount(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return 0;
        }
        return value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray().size() : 1;
    }

    /** The type name: a string, or the first string of an array of types. */
    static Optional<String> firstType(JsonValue value) {
        if (value instanceof JsonString string && !string.getString().isBlank()) {
            return Optional.of(string.getString());
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue entry : value.asJsonArray()) {
                if (entry instanceof JsonString string && !string.getString().isBlank()) {
                    return Optional.of(string.getString());
                }
            }
        }
        return Optional.empty();
    }
}
