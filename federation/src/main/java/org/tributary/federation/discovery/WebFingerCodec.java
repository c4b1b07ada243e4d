package org.tributary.federation.discovery;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes and reads JRD documents ({@code application/jrd+json}). */
public final class WebFingerCodec {

    public static final String MEDIA_TYPE = "application/jrd+json";

    private final JsonProvider provider = JsonProvider.provider();

    public JsonObject toJson(WebFingerDocument document) {
        JsonObjectBuilder json = provider.createObjectBuilder().add("subject", document.subject());
        if (!document.aliases().isEmpty()) {
            json.add("aliases", provider.createArrayBuilder(document.aliases()));
        }
        JsonArrayBuilder links = provider.createArrayBuilder();
        for (WebFingerLink link : document.links()) {
            JsonObjectBuilder entry = provider.createObjectBuilder().add("rel", link.rel());
            if (link.type() != null) {
                entry.add("type", link.type());
            }
            if (link.href() != null) {
                entry.add("href", link.href().toString());
            }
            if (link.template() != null) {
                entry.add("template", link.template());
            }
            links.add(entry);
        }
        return json.add("links", links).build();
    }

    public byte[] toBytes(WebFingerDocument document) {
        StringWriter out = new StringWriter();
        provider.createWriter(out).writeObject(toJson(document));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a JRD a peer sent. Links without a {@code rel}, or whose {@code href} is not an absolute
     * http(s) URI, are skipped: they cannot be followed, and other links may still be useful.
     *
     * @throws DiscoveryException {@code FETCH_FAILED} if it is not a JRD with a subject
     */
    public WebFingerDocument read(byte[] body, int maxBytes) throws DiscoveryException {
        JsonObject json = JsonDocuments.parseObject(body, maxBytes);
        String subject = JsonDocuments.requiredString(json, "subject");
        List<String> aliases = new ArrayList<>();
        for (JsonValue alias : JsonDocuments.array(json, "aliases")) {
            if (alias instanceof JsonString s) {
                aliases.add(s.getString());
            }
        }
        List<WebFingerLink> links = new ArrayList<>();
        for (JsonValue value : JsonDocuments.array(json, "links")) {
            if (value instanceof JsonObject entry) {
                readLink(entry).ifPresent(links::add);
            }
        }
        return new WebFingerDocument(subject, aliases, links);
    }

    private static Optional<WebFingerLink> readLink(JsonObject entry) {
        Optional<String> rel = JsonDocuments.string(entry, "rel");
        Optional<String> href = JsonDocuments.string(entry, "href");
        Optional<URI> hrefUri = href.flatMap(JsonDocuments::httpUri);
        if (rel.isEmpty() || (href.isPresent() && hrefUri.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new WebFingerLink(rel.get(), JsonDocuments.string(entry, "type").orElse(null),
                hrefUri.orElse(null), JsonDocuments.string(entry, "template").orElse(null)));
    }
}
