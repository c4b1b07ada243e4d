package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A post: {@code Note}, {@code Question}, {@code Article} and the other {@link As2#POST_TYPES}.
 * Optional values are {@code null} when absent; lists are never null. Type-specific properties
 * (a Question's {@code oneOf}, an Event's {@code startTime}, our {@code acceptedAnswer}) live in
 * {@code extensions}.
 */
public record Note(
        URI id,
        String type,
        URI attributedTo,
        String content,
        String summary,
        boolean sensitive,
        Instant published,
        Instant updated,
        List<URI> to,
        List<URI> cc,
        URI inReplyTo,
        URI url,
        List<Tag> tag,
        JsonObject extensions) {

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        tag = tag == null ? List.of() : List.copyOf(tag);
        extensions = extensions == null ? JsonValue.EMPTY_JSON_OBJECT : extensions;
    }
}
