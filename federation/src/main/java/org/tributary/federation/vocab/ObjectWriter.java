package org.tributary.federation.vocab;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one JSON object: modelled properties first (absent ones are left out), then the record's
 * extensions for every name not already written, so a round trip puts back what it read.
 */
final class ObjectWriter {

    private final JsonProvider provider;
    private final JsonObjectBuilder builder;
    private final Set<String> written = new HashSet<>();

    ObjectWriter(JsonProvider provider) {
        this.provider = provider;
        this.builder = provider.createObjectBuilder();
    }

    ObjectWriter add(String name, JsonValue value) {
        if (value != null) {
            builder.add(name, value);
            written.add(name);
        }
        return this;
    }

    ObjectWriter add(String name, String value) {
        return value == null ? this : add(name, provider.createValue(value));
    }

    ObjectWriter add(String name, URI value) {
        return value == null ? this : add(name, value.toString());
    }

    ObjectWriter add(String name, Instant value) {
        return value == null ? this : add(name, value.toString());
    }

    ObjectWriter add(String name, boolean value) {
        return add(name, value ? JsonValue.TRUE : JsonValue.FALSE);
    }

    /** Only {@code true} is written: absent means false, and most posts are not sensitive. */
    ObjectWriter addIfTrue(String name, boolean value) {
        return value ? add(name, JsonValue.TRUE) : this;
    }

    /** A list of links, always as an array; nothing when empty. */
    ObjectWriter addLinks(String name, List<URI> links) {
        if (links.isEmpty()) {
            return this;
        }
        JsonArrayBuilder array = provider.createArrayBuilder();
        links.forEach(link -> array.add(link.toString()));
        return add(name, array.build());
    }

    ObjectWriter addValues(String name, List<? extends JsonValue> values) {
        if (values.isEmpty()) {
            return this;
        }
        JsonArrayBuilder array = provider.createArrayBuilder();
        values.forEach(array::add);
        return add(name, array.build());
    }

    /** Puts back the extensions, except names already written and {@code @context}. */
    ObjectWriter addExtensions(JsonObject extensions) {
        for (Map.Entry<String, JsonValue> entry : extensions.entrySet()) {
            if (!written.contains(entry.getKey()) && !entry.getKey().equals("@context")) {
                add(entry.getKey(), entry.getValue());
            }
        }
        return this;
    }

    JsonObject build() {
        return builder.build();
    }
}
