package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@link Note} and its {@link Tag}s. */
final class NoteMapper {

    private final JsonProvider provider;

    NoteMapper(JsonProvider provider) {
        this.provider = provider;
    }

    Note read(JsonObject json) {
        FieldReader r = new FieldReader(json, provider);
        URI id = r.id();
        String type = r.type();
        URI attributedTo = r.link("attributedTo");
        String content = r.string("content");
        String summary = r.string("summary");
        boolean sensitive = r.bool("sensitive");
        Instant published = r.instant("published");
        Instant updated = r.instant("updated");
        List<URI> to = r.audience("to");
        List<URI> cc = r.audience("cc");
        URI inReplyTo = r.link("inReplyTo");
        URI url = readUrl(r);
        List<Tag> tags = readTags(r);
        return new Note(id, type, attributedTo, content, summary, sensitive, published, updated,
                to, cc, inReplyTo, url, tags, r.extensions());
    }

    JsonObject write(Note note, JsonValue context) {
        List<JsonObject> tags = new ArrayList<>();
        note.tag().forEach(tag -> tags.add(writeTag(tag)));
        return new ObjectWriter(provider)
                .add("@context", context)
                .add("id", note.id())
                .add("type", note.type())
                .add("attributedTo", note.attributedTo())
                .add("summary", note.summary())
                .add("content", note.content())
                .addIfTrue("sensitive", note.sensitive())
                .add("published", note.published())
                .add("updated", note.updated())
                .addLinks("to", note.to())
                .addLinks("cc", note.cc())
                .add("inReplyTo", note.inReplyTo())
                .add("url", note.url())
                .addValues("tag", tags)
                .addExtensions(note.extensions())
                .build();
    }

    /** Several URLs (e.g. one per media type) cannot be one URI: they stay in the extensions. */
    private static URI readUrl(FieldReader r) {
        if (r.isMultiValued("url")) {
            return null;
        }
        return r.link("url");
    }

    /** Tags must be objects with a type; anything else leaves {@code tag} untouched in extensions. */
    private List<Tag> readTags(FieldReader r) {
        List<JsonValue> values = r.many("tag");
        List<Tag> tags = new ArrayList<>();
        for (JsonValue value : values) {
            if (!(value instanceof JsonObject object)) {
                r.keep("tag");
                return List.of();
            }
            FieldReader tr = new FieldReader(object, provider);
            String type = tr.type();
            String name = tr.string("name");
            URI href = tr.link("href");
            tags.add(new Tag(type, name, href, tr.extensions()));
        }
        return tags;
    }

    private JsonObject writeTag(Tag tag) {
        return new ObjectWriter(provider)
                .add("type", tag.type())
                .add("name", tag.name())
                .add("href", tag.href())
                .addExtensions(tag.extensions())
                .build();
    }
}
