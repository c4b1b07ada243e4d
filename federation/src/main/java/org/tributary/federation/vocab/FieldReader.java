package org.tributary.federation.vocab;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the properties of one JSON object the way ActivityStreams allows them to be written: a
 * single value or an array, a link as a string or as an object with an {@code id}. It remembers which
 * properties it consumed, so {@link #extensions()} returns exactly the ones nobody modelled.
 * Every failure is a {@code MALFORMED_ACTIVITY} {@link VocabException} naming the property.
 */
final class FieldReader {

    static final int MAX_URI_LENGTH = 4096;

    private final JsonObject source;
    private final JsonProvider provider;
    private final Set<String> consumed = new HashSet<>();
    private final Map<String, JsonValue> retained = new HashMap<>();

    FieldReader(JsonObject source, JsonProvider provider) {
        if (source == null) {
            throw VocabException.malformedActivity("not a JSON object");
        }
        this.source = source;
        this.provider = provider;
    }

    /** The object's {@code id}: required, an absolute http(s) URI. */
    URI id() {
        URI id = link("id");
        if (id == null) {
            throw VocabException.malformedActivity("missing 'id'");
        }
        return id;
    }

    /**
     * The object's {@code type}: required. A multi-typed object yields its first type; AS2 asks an
     * extension type to be listed together with the core type it refines.
     */
    String type() {
        consumed.add("type");
        JsonValue value = source.get("type");
        if (value instanceof JsonArray array && !array.isEmpty()) {
            value = array.get(0);
        }
        if (!(value instanceof JsonString string) || string.getString().isBlank()) {
            throw VocabException.malformedActivity("missing or invalid 'type'");
        }
        return string.getString();
    }

    String string(String name) {
        JsonValue value = single(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw invalid(name);
    }

    boolean bool(String name) {
        JsonValue value = single(name);
        if (value == null) {
            return false;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw invalid(name);
    }

    OptionalLong count(String name) {
        JsonValue value = single(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                long count = number.bigDecimalValue().longValueExact();
                if (count >= 0) {
                    return OptionalLong.of(count);
                }
            } catch (ArithmeticException e) {
                // falls through to the error below
            }
        }
        throw invalid(name);
    }

    Instant instant(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return IsoInstants.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(name);
        }
    }

    /** A link given as a URI string, an object with {@code id}, or a Link object with {@code href}. */
    URI link(String name) {
        JsonValue value = single(name);
        return value == null ? null : toLink(value, name);
    }

    URI requiredLink(String name) {
        URI link = link(name);
        if (link == null) {
            throw VocabException.malformedActivity("missing '" + name + "'");
        }
        return link;
    }

    /** Zero or more links; a lone value counts as a list of one. */
    List<URI> links(String name) {
        List<URI> links = new ArrayList<>();
        for (JsonValue value : many(name)) {
            links.add(toLink(value, name));
        }
        return links;
    }

    /** Addressing ({@code to}, {@code cc}): links, with the compact forms of Public expanded. */
    List<URI> audience(String name) {
        List<URI> links = new ArrayList<>();
        for (JsonValue value : many(name)) {
            if (value instanceof JsonString s && isPublicAlias(s.getString())) {
                links.add(As2.PUBLIC);
            } else {
                links.add(toLink(value, name));
            }
        }
        return links;
    }

    /** The raw single value (a one-element array is unwrapped); {@code null} when absent. */
    JsonValue single(String name) {
        consumed.add(name);
        JsonValue value = source.get(name);
        if (value instanceof JsonArray array) {
            if (array.size() > 1) {
                throw VocabException.malformedActivity("'" + name + "' must have a single value");
            }
            value = array.isEmpty() ? null : array.get(0);
        }
        return value == null || value == JsonValue.NULL ? null : value;
    }

    /** The raw values of a property that may be one value or an array; nulls are skipped. */
    List<JsonValue> many(String name) {
        consumed.add(name);
        JsonValue value = source.get(name);
        List<JsonValue> values = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item != JsonValue.NULL) {
                    values.add(item);
                }
            }
        } else if (value != null && value != JsonValue.NULL) {
            values.add(value);
        }
        return values;
    }

    /** Whether the property holds more than one value (so it cannot be modelled as one). */
    boolean isMultiValued(String name) {
        return source.get(name) instanceof JsonArray array && array.size() > 1;
    }

    /**
     * An object-valued property read as a link or an embedded object whose whole JSON is kept;
     * {@code null} when absent. An embedded object needs its own {@code id} and {@code type}.
     */
    ObjectRef objectRef(String name) {
        JsonValue value = single(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString string) {
            return new ObjectRef.Link(parseLink(string.getString(), name));
        }
        if (value instanceof JsonObject object) {
            FieldReader embedded = new FieldReader(object, provider);
            URI id = embedded.link("id");
            if (id == null) {
                throw VocabException.malformedActivity("embedded '" + name + "' has no 'id'");
            }
            return new ObjectRef.Embedded(id, embedded.type(), object);
        }
        throw invalid(name);
    }

    /** Marks a property as not consumed after all: it stays in the extensions untouched. */
    void keep(String name) {
        consumed.remove(name);
        retained.remove(name);
    }

    /** Consumes a property but keeps what remains of it (e.g. other endpoints) in the extensions. */
    void retain(String name, JsonObject remainder) {
        consumed.add(name);
        if (remainder.isEmpty()) {
            retained.remove(name);
        } else {
            retained.put(name, remainder);
        }
    }

    /** The properties nobody consumed, in their original form, in their original order. */
    JsonObject extensions() {
        JsonObjectBuilder rest = provider.createObjectBuilder();
        for (Map.Entry<String, JsonValue> entry : source.entrySet()) {
            String name = entry.getKey();
            if (!consumed.contains(name)) {
                rest.add(name, entry.getValue());
            } else if (retained.containsKey(name)) {
                rest.add(name, retained.get(name));
            }
        }
        return rest.build();
    }

    static URI toLink(JsonValue value, String name) {
        if (value instanceof JsonString string) {
            return parseLink(string.getString(), name);
        }
        if (value instanceof JsonObject object) {
            JsonValue id = object.get("id");
            if (id == null && As2.LINK.equals(object.getString("type", null))) {
                id = object.get("href");
            }
            if (id instanceof JsonString string) {
                return parseLink(string.getString(), name);
            }
        }
        throw invalid(name);
    }

    /** An absolute http(s) URI with a host, or a {@code MALFORMED_ACTIVITY} failure. */
    static URI parseLink(String text, String name) {
        if (text.length() > MAX_URI_LENGTH) {
            throw VocabException.malformedActivity("'" + name + "' is too long");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw VocabException.malformedActivity("'" + name + "' is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw VocabException.malformedActivity("'" + name + "' must be an absolute http(s) URI");
        }
        return uri;
    }

    private static boolean isPublicAlias(String text) {
        return text.equals("as:Public") || text.equals("Public") || text.equals(As2.PUBLIC.toString());
    }

    private static VocabException invalid(String name) {
        return VocabException.malformedActivity("invalid '" + name + "'");
    }
}
