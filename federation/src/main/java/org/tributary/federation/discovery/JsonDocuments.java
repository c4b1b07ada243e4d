package org.tributary.federation.discovery;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.tributary.federation.vocab.BoundedJsonReader;
import org.tributary.federation.vocab.JsonLimits;
import org.tributary.federation.vocab.VocabException;

/** Small helpers for reading the discovery documents a peer sends; failures are FETCH_FAILED. */
final class JsonDocuments {

    private JsonDocuments() {
    }

    /** Parses a peer's document within the given byte limit; it must be a JSON object. */
    static JsonObject parseObject(byte[] body, int maxBytes) throws DiscoveryException {
        BoundedJsonReader reader = new BoundedJsonReader(new JsonLimits(maxBytes, 16, maxBytes));
        JsonValue value;
        try {
            value = reader.read(body);
        } catch (VocabException e) {
            throw DiscoveryException.fetchFailed("unreadable document: " + e.getMessage());
        }
        if (!(value instanceof JsonObject object)) {
            throw DiscoveryException.fetchFailed("document is not a JSON object");
        }
        return object;
    }

    static Optional<String> string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    static String requiredString(JsonObject object, String name) throws DiscoveryException {
        return string(object, name).orElseThrow(() -> DiscoveryException.fetchFailed("missing '" + name + "'"));
    }

    static JsonArray array(JsonObject object, String name) {
        return object.get(name) instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
    }

    /** An absolute http(s) URI with a host, or empty. */
    static Optional<URI> httpUri(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.isAbsolute() && uri.getHost() != null && (scheme.equals("http") || scheme.equals("https"))) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // not a URI: reported as empty
        }
        return Optional.empty();
    }
}
