package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An {@code OrderedCollection} (outbox, followers, ...). Servers either list items inline or point
 * to pages; Mastodon embeds the first page, which is why {@code first} is an {@link ObjectRef}.
 *
 * @param orderedItems the items exactly as sent (ids or objects)
 */
public record OrderedCollection(
        URI id,
        String type,
        OptionalLong totalItems,
        ObjectRef first,
        URI last,
        List<JsonValue> orderedItems,
        JsonObject extensions) {

    public OrderedCollection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        totalItems = totalItems == null ? OptionalLong.empty() : totalItems;
        orderedItems = orderedItems == null ? List.of() : List.copyOf(orderedItems);
        extensions = extensions == null ? JsonValue.EMPTY_JSON_OBJECT : extensions;
    }
}
