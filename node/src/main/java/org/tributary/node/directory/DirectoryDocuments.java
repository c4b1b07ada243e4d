package org.tributary.node.directory;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.inbox.Origin;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.TributaryTerms;
import org.tributary.node.account.ProfileService;

/**
 * The {@code /directory} collection peers read: an OrderedCollection of Person stubs (id, handle, name,
 * department, title, location, icon), and the reading of a peer's one. A peer may list only people of
 * its own origin; other items, and malformed ones, are dropped.
 */
public final class DirectoryDocuments {
    private final URI tributaryContext;

    public DirectoryDocuments(URI tributaryContext) {
        this.tributaryContext = tributaryContext;
    }

    public JsonObject collection(URI id, List<DirectoryEntry> entries) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (DirectoryEntry entry : entries) {
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("id", entry.account().uri().toString())
                    .add("type", "Person")
                    .add("preferredUsername", entry.account().username())
                    .add("name", entry.account().displayName())
                    .add(TributaryTerms.DEPARTMENT, entry.profile().department())
                    .add("title", entry.profile().title())
                    .add("location", entry.profile().location());
            entry.profile().avatar().ifPresent(url -> item.add("icon", url.toString()));
            items.add(item);
        }
        return Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(As2.ACTIVITYSTREAMS_CONTEXT.toString())
                        .add(tributaryContext.toString()))
                .add("id", id.toString())
                .add("type", "OrderedCollection")
                .add("totalItems", entries.size())
                .add("orderedItems", items)
                .build();
    }

    /** The people in a peer's collection fetched from {@code source}. */
    public List<DirectoryHit> read(JsonObject collection, URI source) {
        List<DirectoryHit> hits = new ArrayList<>();
        String node = PeerPolicy.authorityOf(source);
        JsonValue items = collection.get("orderedItems");
        if (!(items instanceof jakarta.json.JsonArray array)) {
            return hits;
        }
        for (JsonValue value : array) {
            if (value instanceof JsonObject item) {
                person(item, source, node).ifPresent(hits::add);
            }
        }
        return hits;
    }

    private static Optional<DirectoryHit> person(JsonObject item, URI source, String node) {
        Optional<URI> id = url(item.get("id"));
        String username = text(item, "preferredUsername");
        if (id.isEmpty() || !Origin.same(id.get(), source) || username.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DirectoryHit(id.get(), username, node, text(item, "name"),
                text(item, TributaryTerms.DEPARTMENT), text(item, "title"), text(item, "location"),
                url(item.get("icon")), Optional.empty()));
    }

    private static String text(JsonObject item, String name) {
        String value = item.get(name) instanceof JsonString string ? string.getString().strip() : "";
        return value.length() > ProfileService.MAX_FIELD ? value.substring(0, ProfileService.MAX_FIELD) : value;
    }

    private static Optional<URI> url(JsonValue value) {
        if (!(value instanceof JsonString string)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(string.getString());
            return Origin.of(uri).isPresent() ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
