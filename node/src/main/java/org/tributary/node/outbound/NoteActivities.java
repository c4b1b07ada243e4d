package org.tributary.node.outbound;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.Note;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.Tag;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;

/** The outgoing shapes of posts: the Note itself, Create(Note), Update(Note), Delete(Tombstone). */
public final class NoteActivities {
    private static final JsonObject NONE = Json.createObjectBuilder().build();

    private final VocabCodec codec;

    public NoteActivities(VocabCodec codec) {
        this.codec = codec;
    }

    /** Addressing by visibility; a department post is never federated and has no audience here. */
    public record Audience(List<URI> to, List<URI> cc) {
    }

    /**
     * {@code addressed} are the actors named by the post (mentions, the replied-to author): in {@code cc}
     * of organization and followers posts, in {@code to} of direct ones.
     */
    public Audience audienceOf(Status status, Account author, List<URI> addressed) {
        URI publicCollection = As2.PUBLIC;
        return switch (status.visibility()) {
            case ORGANIZATION -> new Audience(List.of(publicCollection), concat(author.followers(), addressed));
            case FOLLOWERS -> new Audience(List.of(author.followers()), distinct(addressed));
            case DIRECT -> new Audience(distinct(addressed), List.of());
            case DEPARTMENT -> new Audience(List.of(), List.of());
        };
    }

    public Note note(Status status, Account author, Audience audience) {
        return note(status, author, audience, List.of());
    }

    public Note note(Status status, Account author, Audience audience, List<Tag> tags) {
        return note(status, author, audience, tags, JsonValue.EMPTY_JSON_ARRAY);
    }

    /**
     * The Note: {@code summary} is the content warning, {@code contentMap} carries the content under its
     * language as Mastodon writes it, {@code updated} is set once the post was edited, {@code attachment}
     * lists the media (left out when there is none).
     */
    public Note note(Status status, Account author, Audience audience, List<Tag> tags, JsonArray attachments) {
        JsonObjectBuilder extras = Json.createObjectBuilder();
        if (status.language() != null) {
            extras.add("contentMap", Json.createObjectBuilder().add(status.language(), status.contentHtml()));
        }
        if (!attachments.isEmpty()) {
            extras.add("attachment", attachments);
        }
        JsonObject extensions = extras.build();
        String summary = status.spoilerText().isEmpty() ? null : status.spoilerText();
        return new Note(status.uri(), "Note", author.uri(), status.contentHtml(), summary, status.sensitive(),
                status.createdAt(), status.editedAt(), audience.to(), audience.cc(), status.inReplyTo(), status.uri(),
                tags, extensions);
    }

    public Activity create(Status status, Account author, Audience audience) {
        return create(status, author, audience, List.of());
    }

    public Activity create(Status status, Account author, Audience audience, List<Tag> tags) {
        return create(status, author, audience, tags, JsonValue.EMPTY_JSON_ARRAY);
    }

    public Activity create(Status status, Account author, Audience audience, List<Tag> tags, JsonArray attachments) {
        Note note = note(status, author, audience, tags, attachments);
        return new Activity(URI.create(status.uri() + "/activity"), "Create", author.uri(),
                new ObjectRef.Embedded(note.id(), note.type(), codec.toJson(note)), audience.to(), audience.cc(),
                status.createdAt(), NONE);
    }

    /** Update(Note) after an edit; the Note carries {@code updated}. */
    public Activity update(URI activityId, Status status, Account author, Audience audience, List<Tag> tags) {
        return update(activityId, status, author, audience, tags, JsonValue.EMPTY_JSON_ARRAY);
    }

    /** Update(Note) carrying the post's media as {@code attachment}. */
    public Activity update(URI activityId, Status status, Account author, Audience audience, List<Tag> tags,
            JsonArray attachments) {
        Note note = note(status, author, audience, tags, attachments);
        return new Activity(activityId, "Update", author.uri(),
                new ObjectRef.Embedded(note.id(), note.type(), codec.toJson(note)), audience.to(), audience.cc(),
                status.editedAt(), NONE);
    }

    /** Delete with a Tombstone in place of the Note, addressed as the post was. */
    public Activity delete(URI activityId, Status status, Account author, Audience audience, Instant deletedAt) {
        JsonObject tombstone = tombstone(status.uri(), deletedAt);
        return new Activity(activityId, "Delete", author.uri(),
                new ObjectRef.Embedded(status.uri(), "Tombstone", tombstone), audience.to(), audience.cc(), deletedAt,
                NONE);
    }

    /** What a deleted post's URI serves: {@code {"type":"Tombstone","formerType":"Note","deleted":...}}. */
    public JsonObject tombstone(URI statusUri, Instant deletedAt) {
        JsonObjectBuilder builder = Json.createObjectBuilder()
                .add("id", statusUri.toString())
                .add("type", "Tombstone")
                .add("formerType", "Note")
                .add("deleted", DateTimeFormatter.ISO_INSTANT.format(deletedAt.truncatedTo(ChronoUnit.SECONDS)));
        return builder.build();
    }

    /** A Tombstone document with the ActivityStreams context, for serving at the deleted post's URI. */
    public JsonObject tombstoneDocument(URI statusUri, Instant deletedAt) {
        return Json.createObjectBuilder().add("@context", "https://www.w3.org/ns/activitystreams")
                .addAll(Json.createObjectBuilder(tombstone(statusUri, deletedAt))).build();
    }

    /** Whether a post of this visibility ever leaves the node. */
    public static boolean federates(Visibility visibility) {
        return visibility != Visibility.DEPARTMENT;
    }

    private static List<URI> concat(URI first, List<URI> rest) {
        List<URI> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return distinct(all);
    }

    private static List<URI> distinct(List<URI> uris) {
        return List.copyOf(new java.util.LinkedHashSet<>(uris));
    }
}
