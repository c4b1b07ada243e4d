package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.Objects;

/** One entry of a post's {@code tag}: a {@code Mention} (href = the actor) or a {@code Hashtag}. */
public record Tag(String type, String name, URI href, JsonObject extensions) {

    public Tag {
        Objects.requireNonNull(type, "type");
        extensions = extensions == null ? JsonValue.EMPTY_JSON_OBJECT : extensions;
    }

    public Tag(String type, String name, URI href) {
        this(type, name, href, JsonValue.EMPTY_JSON_OBJECT);
    }

    public static Tag mention(String name, URI actor) {
        return new Tag(As2.MENTION, name, actor);
    }

    public static Tag hashtag(String name, URI href) {
        return new Tag(As2.HASHTAG, name, href);
    }
}
