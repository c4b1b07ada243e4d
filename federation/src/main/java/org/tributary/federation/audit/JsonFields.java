package org.tributary.federation.audit;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict reading of audit JSON: every missing or mistyped field becomes an {@link AuditFormatException}
 * naming the field, never a ClassCastException or NullPointerException.
 */
final class JsonFields {
    private JsonFields() {
    }

    static JsonObject parseObject(JsonProvider provider, String text) {
        try (JsonReader reader = provider.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new AuditFormatException("expected a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw new AuditFormatException("not valid JSON: " + e.getMessage(), e);
        }
    }

    static JsonValue field(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null) {
            throw new AuditFormatException("missing field \"" + name + "\"");
        }
        return value;
    }

    static String string(JsonObject object, String name) {
        if (field(object, name) instanceof JsonString s) {
            return s.getString();
        }
        throw new AuditFormatException("field \"" + name + "\" must be a string");
    }

    static long nonNegativeLong(JsonObject object, String name) {
        if (field(object, name) instanceof JsonNumber n && n.isIntegral()) {
            try {
                long value = n.longValueExact();
                if (value >= 0) {
                    return value;
                }
            } catch (ArithmeticException e) {
                throw new AuditFormatException("field \"" + name + "\" is out of range", e);
            }
        }
        throw new AuditFormatException("field \"" + name + "\" must be a non-negative integer");
    }

    static JsonObject object(JsonObject object, String name) {
        if (field(object, name) instanceof JsonObject o) {
            return o;
        }
        throw new AuditFormatException("field \"" + name + "\" must be an object");
    }

    static URI uri(JsonObject object, String name) {
        String text = string(object, name);
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new AuditFormatException("field \"" + name + "\" is not a URI: " + e.getMessage(), e);
        }
    }

    static TreeHash hash(JsonObject object, String name) {
        try {
            return TreeHash.fromBase64(string(object, name));
        } catch (AuditFormatException e) {
            throw new AuditFormatException("field \"" + name + "\": " + e.getMessage(), e);
        }
    }

    static List<TreeHash> hashes(JsonObject object, String name) {
        if (!(field(object, name) instanceof JsonArray array)) {
            throw new AuditFormatException("field \"" + name + "\" must be an array of base64 hashes");
        }
        List<TreeHash> hashes = new ArrayList<>(array.size());
        for (JsonValue value : array) {
            if (!(value instanceof JsonString s)) {
                throw new AuditFormatException("field \"" + name + "\" must hold only base64 strings");
            }
            hashes.add(TreeHash.fromBase64(s.getString()));
        }
        return hashes;
    }
}
