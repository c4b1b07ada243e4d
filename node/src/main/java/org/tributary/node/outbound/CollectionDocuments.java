package org.tributary.node.outbound;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.tributary.federation.vocab.As2;

/** OrderedCollection documents: followers, following and the outbox. */
public final class CollectionDocuments {

    /** A collection small enough to list inline (department sizes), items as ids. */
    public JsonObject of(URI id, List<URI> items) {
        JsonArrayBuilder ordered = Json.createArrayBuilder();
        items.forEach(item -> ordered.add(item.toString()));
        return Json.createObjectBuilder()
                .add("@context", As2.ACTIVITYSTREAMS_CONTEXT.toString())
                .add("id", id.toString())
                .add("type", "OrderedCollection")
                .add("totalItems", items.size())
                .add("orderedItems", ordered)
                .build();
    }

    /** A collection whose items are embedded objects. */
    public JsonObject ofObjects(URI id, List<JsonObject> items) {
        JsonArrayBuilder ordered = Json.createArrayBuilder();
        items.forEach(ordered::add);
        return Json.createObjectBuilder()
                .add("@context", As2.ACTIVITYSTREAMS_CONTEXT.toString())
                .add("id", id.toString())
                .add("type", "OrderedCollection")
                .add("totalItems", items.size())
                .add("orderedItems", ordered)
                .build();
    }
}
