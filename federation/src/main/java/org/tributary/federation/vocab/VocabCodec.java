package org.tributary.federation.vocab;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes the vocabulary records as JSON (Jakarta JSON-P, Parsson underneath).
 *
 * <p>Reading accepts what real servers send: single values as scalars or arrays, links as strings or
 * objects with an {@code id}. Properties a record does not model are kept in its {@code extensions}
 * and written back. Reading fails only with {@link VocabException}.
 *
 * <p>Writing puts {@code @context} first, with the ActivityStreams URL as a plain string first in the
 * list (Mastodon requires that), then security contexts where keys appear, then this node's own
 * context for our terms. A record read from a peer keeps the peer's {@code @context}, because its
 * extension properties are defined there.
 */
public final class VocabCodec {

    private final URI tributaryContext;
    private final BoundedJsonReader reader;
    private final JsonProvider provider;
    private final ActorMapper actors;
    private final NoteMapper notes;
    private final ActivityMapper activities;
    private final CollectionMapper collections;

    /** A codec for this node, whose context for our terms is served at {@code tributaryContext}. */
    public VocabCodec(URI tributaryContext) {
        this(Objects.requireNonNull(tributaryContext, "tributaryContext"), JsonLimits.DEFAULT);
    }

    public VocabCodec(URI tributaryContext, JsonLimits limits) {
        if (tributaryContext != null && !tributaryContext.isAbsolute()) {
            throw new IllegalArgumentException("context URL must be absolute: " + tributaryContext);
        }
        this.tributaryContext = tributaryContext;
        this.reader = new BoundedJsonReader(limits);
        this.provider = JsonProvider.provider();
        this.actors = new ActorMapper(provider);
        this.notes = new NoteMapper(provider);
        this.activities = new ActivityMapper(provider);
        this.collections = new CollectionMapper(provider);
    }

    /** A codec for reading what peers send; what it writes names only the standard contexts. */
    public static VocabCodec forRemote() {
        return new VocabCodec(null, JsonLimits.DEFAULT);
    }

    /**
     * Parses a body into a JSON object.
     *
     * @throws VocabException {@code MALFORMED_JSON} for bad syntax or exceeded depth/string limits,
     *                        {@code BODY_TOO_LARGE} over the size limit, {@code MALFORMED_ACTIVITY}
     *                        when the value is not an object
     */
    public JsonObject parse(byte[] body) {
        JsonValue value = reader.read(body);
        if (!(value instanceof JsonObject object)) {
            throw VocabException.malformedActivity("top-level JSON value is not an object");
        }
        return object;
    }

    /** Parses and reads an activity in one step. */
    public Activity parseActivity(byte[] body) {
        return readActivity(parse(body));
    }

    public Actor readActor(JsonObject json) {
        return actors.read(json);
    }

    public Note readNote(JsonObject json) {
        return notes.read(json);
    }

    public Activity readActivity(JsonObject json) {
        return activities.read(json);
    }

    public OrderedCollection readOrderedCollection(JsonObject json) {
        return collections.readCollection(json);
    }

    public OrderedCollectionPage readOrderedCollectionPage(JsonObject json) {
        return collections.readPage(json);
    }

    public JsonObject toJson(Actor actor) {
        return actors.write(actor, contextFor(actor.extensions(), true));
    }

    public JsonObject toJson(Note note) {
        return notes.write(note, contextFor(note.extensions(), false));
    }

    public JsonObject toJson(Activity activity) {
        return activities.write(activity, contextFor(activity.extensions(), false));
    }

    public JsonObject toJson(OrderedCollection collection) {
        return collections.write(collection, contextFor(collection.extensions(), false));
    }

    public JsonObject toJson(OrderedCollectionPage page) {
        return collections.write(page, contextFor(page.extensions(), false));
    }

    /** A post to embed in an activity (e.g. the object of a Create): no {@code @context} of its own. */
    public ObjectRef.Embedded embed(Note note) {
        return new ObjectRef.Embedded(note.id(), note.type(), notes.write(note, null));
    }

    /** An activity to embed in another (e.g. the Follow inside an Accept): no {@code @context}. */
    public ObjectRef.Embedded embed(Activity activity) {
        return new ObjectRef.Embedded(activity.id(), activity.type(), activities.write(activity, null));
    }

    public byte[] toBytes(Actor actor) {
        return toBytes(toJson(actor));
    }

    public byte[] toBytes(Note note) {
        return toBytes(toJson(note));
    }

    public byte[] toBytes(Activity activity) {
        return toBytes(toJson(activity));
    }

    public byte[] toBytes(OrderedCollection collection) {
        return toBytes(toJson(collection));
    }

    public byte[] toBytes(OrderedCollectionPage page) {
        return toBytes(toJson(page));
    }

    /** Compact UTF-8 JSON. */
    public byte[] toBytes(JsonObject json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = provider.createWriterFactory(Map.of())
                .createWriter(out, StandardCharsets.UTF_8)) {
            writer.writeObject(json);
        }
        return out.toByteArray();
    }

    /**
     * The {@code @context} to write: the one a peer sent if the record came from a peer, otherwise
     * ours. Actors carry keys, so they also name the security and multikey contexts.
     */
    private JsonValue contextFor(JsonObject extensions, boolean withKeys) {
        JsonValue received = extensions.get("@context");
        if (received != null) {
            return received;
        }
        return defaultContext(withKeys);
    }

    private JsonArray defaultContext(boolean withKeys) {
        JsonArrayBuilder context = provider.createArrayBuilder()
                .add(As2.ACTIVITYSTREAMS_CONTEXT.toString());
        if (withKeys) {
            context.add(As2.SECURITY_V1_CONTEXT.toString()).add(As2.MULTIKEY_V1_CONTEXT.toString());
        }
        if (tributaryContext != null) {
            context.add(tributaryContext.toString());
        }
        return context.build();
    }

    /** This codec's context URL for our terms, if it writes for a node. */
    public Optional<URI> tributaryContext() {
        return Optional.ofNullable(tributaryContext);
    }
}
