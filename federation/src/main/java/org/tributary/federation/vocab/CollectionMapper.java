package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.OptionalLong;

/** Reads and writes {@link OrderedCollection} and {@link OrderedCollectionPage}. */
final class CollectionMapper {

    private final JsonProvider provider;

    CollectionMapper(JsonProvider provider) {
        this.provider = provider;
    }

    OrderedCollection readCollection(JsonObject json) {
        FieldReader r = new FieldReader(json, provider);
        return new OrderedCollection(r.id(), r.type(), r.count("totalItems"), r.objectRef("first"),
                r.link("last"), r.many("orderedItems"), r.extensions());
    }

    OrderedCollectionPage readPage(JsonObject json) {
        FieldReader r = new FieldReader(json, provider);
        return new OrderedCollectionPage(r.id(), r.type(), r.count("totalItems"), r.link("partOf"),
                r.link("next"), r.link("prev"), r.many("orderedItems"), r.extensions());
    }

    JsonObject write(OrderedCollection collection, JsonValue context) {
        JsonValue first = null;
        if (collection.first() instanceof ObjectRef.Embedded embedded) {
            first = embedded.json();
        } else if (collection.first() != null) {
            first = provider.createValue(collection.first().id().toString());
        }
        ObjectWriter w = new ObjectWriter(provider)
                .add("@context", context)
                .add("id", collection.id())
                .add("type", collection.type());
        addCount(w, collection.totalItems());
        return w.add("first", first)
                .add("last", collection.last())
                .addValues("orderedItems", collection.orderedItems())
                .addExtensions(collection.extensions())
                .build();
    }

    JsonObject write(OrderedCollectionPage page, JsonValue context) {
        ObjectWriter w = new ObjectWriter(provider)
                .add("@context", context)
                .add("id", page.id())
                .add("type", page.type());
        addCount(w, page.totalItems());
        return w.add("partOf", page.partOf())
                .add("next", page.next())
                .add("prev", page.prev())
                // An empty page still says so explicitly: clients look for the property.
                .add("orderedItems", provider.createArrayBuilder(page.orderedItems()).build())
                .addExtensions(page.extensions())
                .build();
    }

    private void addCount(ObjectWriter w, OptionalLong count) {
        if (count.isPresent()) {
            w.add("totalItems", provider.createValue(count.getAsLong()));
        }
    }
}
