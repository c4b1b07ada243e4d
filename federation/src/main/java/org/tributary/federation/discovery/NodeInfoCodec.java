package org.tributary.federation.discovery;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes and reads NodeInfo 2.1 and the {@code /.well-known/nodeinfo} links document. */
public final class NodeInfoCodec {

    public static final String MEDIA_TYPE =
            "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"";

    private final JsonProvider provider = JsonProvider.provider();

    /** The links document served at {@code /.well-known/nodeinfo}. */
    public JsonObject wellKnown(URI documentUrl) {
        return provider.createObjectBuilder()
                .add("links", provider.createArrayBuilder().add(provider.createObjectBuilder()
                        .add("rel", NodeInfoDocument.SCHEMA_REL)
                        .add("href", documentUrl.toString())))
                .build();
    }

    public JsonObject toJson(NodeInfoDocument document) {
        NodeInfoDocument.Usage usage = document.usage();
        return provider.createObjectBuilder()
                .add("version", document.version())
                .add("software", provider.createObjectBuilder()
                        .add("name", document.software().name())
                        .add("version", document.software().version()))
                .add("protocols", provider.createArrayBuilder(document.protocols()))
                // Required by the schema; we neither import from nor export to other services.
                .add("services", provider.createObjectBuilder()
                        .add("inbound", JsonValue.EMPTY_JSON_ARRAY)
                        .add("outbound", JsonValue.EMPTY_JSON_ARRAY))
                .add("openRegistrations", document.openRegistrations())
                .add("usage", provider.createObjectBuilder()
                        .add("users", provider.createObjectBuilder()
                                .add("total", usage.usersTotal())
                                .add("activeMonth", usage.usersActiveMonth())
                                .add("activeHalfyear", usage.usersActiveHalfyear()))
                        .add("localPosts", usage.localPosts()))
                .add("metadata", document.metadata())
                .build();
    }

    public byte[] toBytes(JsonObject json) {
        StringWriter out = new StringWriter();
        provider.createWriter(out).writeObject(json);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The 2.1 document URL from a links document, if it lists one.
     *
     * @throws DiscoveryException {@code FETCH_FAILED} if the body is not a JSON object
     */
    public Optional<URI> readWellKnown(byte[] body, int maxBytes) throws DiscoveryException {
        JsonObject json = JsonDocuments.parseObject(body, maxBytes);
        for (JsonValue value : JsonDocuments.array(json, "links")) {
            if (value instanceof JsonObject link
                    && JsonDocuments.string(link, "rel").filter(NodeInfoDocument.SCHEMA_REL::equals).isPresent()) {
                return JsonDocuments.string(link, "href").flatMap(JsonDocuments::httpUri);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a NodeInfo 2.1 document. Missing usage numbers count as zero (many servers hide them).
     *
     * @throws DiscoveryException {@code FETCH_FAILED} if it is not a 2.1 document
     */
    public NodeInfoDocument read(byte[] body, int maxBytes) throws DiscoveryException {
        JsonObject json = JsonDocuments.parseObject(body, maxBytes);
        String version = JsonDocuments.requiredString(json, "version");
        if (!NodeInfoDocument.VERSION.equals(version)) {
            throw DiscoveryException.fetchFailed("not a NodeInfo 2.1 document: version " + version);
        }
        if (!(json.get("software") instanceof JsonObject software)) {
            throw DiscoveryException.fetchFailed("missing 'software'");
        }
        NodeInfoDocument.Software sw;
        try {
            sw = new NodeInfoDocument.Software(JsonDocuments.requiredString(software, "name"),
                    JsonDocuments.requiredString(software, "version"));
        } catch (IllegalArgumentException e) {
            throw DiscoveryException.fetchFailed("invalid software name");
        }
        List<String> protocols = new ArrayList<>();
        for (JsonValue protocol : JsonDocuments.array(json, "protocols")) {
            if (protocol instanceof JsonString s) {
                protocols.add(s.getString());
            }
        }
        JsonValue open = json.get("openRegistrations");
        if (open != JsonValue.TRUE && open != JsonValue.FALSE) {
            throw DiscoveryException.fetchFailed("missing 'openRegistrations'");
        }
        JsonObject metadata = json.get("metadata") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
        return new NodeInfoDocument(version, sw, protocols, readUsage(json), open == JsonValue.TRUE, metadata);
    }

    private static NodeInfoDocument.Usage readUsage(JsonObject json) throws DiscoveryException {
        JsonObject usage = json.get("usage") instanceof JsonObject u ? u : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject users = usage.get("users") instanceof JsonObject u ? u : JsonValue.EMPTY_JSON_OBJECT;
        return new NodeInfoDocument.Usage(count(users, "total"), count(users, "activeMonth"),
                count(users, "activeHalfyear"), count(usage, "localPosts"));
    }

    private static long count(JsonObject object, String name) throws DiscoveryException {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return 0;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                long count = number.bigDecimalValue().longValueExact();
                if (count >= 0) {
                    return count;
                }
            } catch (ArithmeticException e) {
                // reported below
            }
        }
        throw DiscoveryException.fetchFailed("invalid usage count '" + name + "'");
    }
}
