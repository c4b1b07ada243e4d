package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** One page of an {@link OrderedCollection}. Links are {@code null} when absent. */
public record OrderedCollectionPage(
        URI id,
        String type,
        OptionalLong totalItems,
        URI partOf,
        URI next,
        URI prev,
        List<JsonValue> orderedItems,
        JsonObject extensions) {

    public OrderedCollectionPage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        totalItems = totalItems == null ? OptionalLong.empty() : totalItems;
        orderedItems = orderedItems == null ? List.of() : List.copyOf(orderedItems);
        extensions = extensions == null ? JsonValue.EMPTY_JSON_OBJECT : extensions;
    }
}
