package org.tributary.node.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tributary.node.http.ApiException;

/**
 * The parameters of a client API request body, whichever way the client encoded them: a form, JSON, or
 * multipart (which Mastodon clients use for profile updates). Rails-style {@code name[]} keys are the
 * same as {@code name}; nested JSON objects become {@code name[key]}. File parts are skipped.
 */
public record RequestParams(Map<String, List<String>> values) {
    public RequestParams {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        values = Map.copyOf(copy);
    }

    public static RequestParams empty() {
        return new RequestParams(Map.of());
    }

    /** Parses a body; an empty body has no parameters, whatever its declared type. */
    public static RequestParams parse(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return empty();
        }
        MediaType type;
        try {
            type = contentType == null ? MediaType.APPLICATION_FORM_URLENCODED_TYPE : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new ApiException(415, "unsupported_content_type", "the Content-Type header is malformed");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            parseJson(new String(body, StandardCharsets.UTF_8), values);
        } else if (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            parseForm(new String(body, StandardCharsets.UTF_8), values);
        } else if (type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            MultipartForm.parse(type.getParameters().get("boundary"), body)
                    .forEach((name, list) -> list.forEach(value -> add(values, name, value)));
        } else {
            throw new ApiException(415, "unsupported_content_type",
                    "send the parameters as a form, JSON or multipart/form-data");
        }
        return new RequestParams(values);
    }

    /** The first value of a parameter, if present. */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** The first value, or null: handy when handing parameters to a record whose absent fields are null. */
    public String get(String name) {
        return first(name).orElse(null);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    private static void parseForm(String text, Map<String, List<String>> values) {
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                add(values, name, value);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("malformed_form", "the form body is not valid URL encoding");
            }
        }
    }

    private static void parseJson(String text, Map<String, List<String>> values) {
        JsonValue root;
        try (var reader = Json.createReader(new StringReader(text))) {
            root = reader.readValue();
        } catch (JsonParsingException | IllegalStateException e) {
            throw ApiException.badRequest("malformed_json", "the body is not valid JSON");
        } catch (JsonException e) {
            throw ApiException.badRequest("malformed_json", "the body is not valid JSON");
        }
        if (!(root instanceof JsonObject object)) {
            throw ApiException.badRequest("malformed_json", "the JSON body must be an object");
        }
        flatten("", object, values);
    }

    private static void flatten(String name, JsonValue value, Map<String, List<String>> values) {
        if (value instanceof JsonObject object) {
            object.forEach((key, member) -> flatten(name.isEmpty() ? key : name + "[" + key + "]", member, values));
        } else if (value instanceof JsonArray array) {
            array.forEach(element -> flatten(name, element, values));
        } else if (value instanceof JsonString string) {
            add(values, name, string.getString());
        } else if (value instanceof JsonNumber number) {
            add(values, name, number.toString());
        } else if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            add(values, name, String.valueOf(value == JsonValue.TRUE));
        }
        // JSON null: the parameter is absent, as Mastodon treats it.
    }

    private static void add(Map<String, List<String>> values, String name, String value) {
        String key = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
        values.computeIfAbsent(key, unused -> new ArrayList<>()).add(value);
    }
}
