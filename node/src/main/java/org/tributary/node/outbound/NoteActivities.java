package org.tributary.node.outbound;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.Note;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;

/** The outgoing shapes of posts: the Note itself and Create(Note). */
public final class NoteActivities {
    private static final JsonObject NONE = Json.createObjectBuilder().build();

    private final VocabCodec codec;

    public NoteActivities(VocabCodec codec) {
        this.codec = codec;
    }

    /** Addressing by visibility; a department post is never federated and has no audience here. */
    public record Audience(List<URI> to, List<URI> cc) {
    }

    public Audience audienceOf(Status status, Account author, List<URI> mentioned) {
        URI publicCollection = As2.PUBLIC;
        return switch (status.visibility()) {
            case ORGANIZATION -> new Audience(List.of(publicCollection), concat(author.followers(), mentioned));
            case FOLLOWERS -> new Audience(List.of(author.followers()), mentioned);
            case DIRECT -> new Audience(mentioned, List.of());
            case DEPARTMENT -> new Audience(List.of(), List.of());
        };
    }

    public Note note(Status status, Account author, Audience audience) {
        return note(status, author, audience, JsonValue.EMPTY_JSON_ARRAY);
    }

    /** The Note with its {@code attachment} objects (media; empty for none). */
    public Note note(Status status, Account author, Audience audience, JsonArray attachments) {
        JsonObject extensions = attachments.isEmpty() ? NONE
                : Json.createObjectBuilder().add("attachment", attachments).build();
        return new Note(status.uri(), "Note", author.uri(), status.contentHtml(), null, false, status.createdAt(), null,
                audience.to(), audience.cc(), status.inReplyTo(), status.uri(), List.of(), extensions);
    }

    public Activity create(Status status, Account author, Audience audience) {
        return create(status, author, audience, JsonValue.EMPTY_JSON_ARRAY);
    }

    public Activity create(Status status, Account author, Audience audience, JsonArray attachments) {
        Note note = note(status, author, audience, attachments);
        return new Activity(URI.create(status.uri() + "/activity"), "Create", author.uri(),
                new ObjectRef.Embedded(note.id(), note.type(), codec.toJson(note)), audience.to(), audience.cc(),
                status.createdAt(), NONE);
    }

    /** Whether a post of this visibility ever leaves the node. */
    public static boolean federates(Visibility visibility) {
        return visibility != Visibility.DEPARTMENT;
    }

    private static List<URI> concat(URI first, List<URI> rest) {
        java.util.ArrayList<URI> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return List.copyOf(all);
    }
}
