package org.tributary.node.outbound;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.Note;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.Tag;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.post.Status;

/**
 * A local post's Note with its {@code likes} and {@code shares} collections
 * ({@code {"type":"Collection","totalItems":N}}), as served on a GET of the post and sent in the
 * Update(Note) that reports new counts to the nodes holding a copy.
 */
public final class CountedNotes {
    private final NoteActivities notes;
    private final VocabCodec codec;

    public CountedNotes(NoteActivities notes, VocabCodec codec) {
        this.notes = notes;
        this.codec = codec;
    }

    public Note note(Status status, Account author, NoteActivities.Audience audience, List<Tag> tags,
            JsonArray attachments, long likes, long shares) {
        Note plain = notes.note(status, author, audience, tags, attachments);
        JsonObjectBuilder extensions = Json.createObjectBuilder(plain.extensions())
                .add("likes", collection(likes))
                .add("shares", collection(shares));
        return new Note(plain.id(), plain.type(), plain.attributedTo(), plain.content(), plain.summary(),
                plain.sensitive(), plain.published(), plain.updated(), plain.to(), plain.cc(), plain.inReplyTo(),
                plain.url(), plain.tag(), extensions.build());
    }

    /**
     * Update(Note) carrying new counts. The Note is unchanged otherwise (same content, same
     * {@code updated}), so a receiver keeps the post as it was and takes only the counts.
     */
    public Activity countsUpdate(URI activityId, Status status, Account author, NoteActivities.Audience audience,
            List<Tag> tags, JsonArray attachments, long likes, long shares, Instant at) {
        Note note = note(status, author, audience, tags, attachments, likes, shares);
        return new Activity(activityId, "Update", author.uri(),
                new ObjectRef.Embedded(note.id(), note.type(), codec.toJson(note)), audience.to(), audience.cc(), at,
                Json.createObjectBuilder().build());
    }

    private static JsonObject collection(long totalItems) {
        return Json.createObjectBuilder().add("type", "Collection").add("totalItems", totalItems).build();
    }
}
