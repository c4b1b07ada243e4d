package org.tributary.node.outbound;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.Note;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.poll.Poll;

/**
 * The wire forms of polls, as Mastodon writes them: the poll is an AS2 {@code Question} with
 * {@code oneOf} (or {@code anyOf} when several options may be chosen), each option a {@code Note}
 * with a {@code name} and {@code replies.totalItems}, plus {@code endTime}, {@code votersCount} and,
 * once over, {@code closed}. A vote is a {@code Create} of a {@code Note} whose {@code name} is the
 * option, in reply to the poll, addressed to the poll's author only.
 */
public final class PollActivities {
    private static final JsonObject NONE = Json.createObjectBuilder().build();

    private final VocabCodec codec;

    public PollActivities(VocabCodec codec) {
        this.codec = codec;
    }

    /** Create(Question), given the Create of the poll's plain Note. */
    public Activity create(Activity plainCreate, Poll poll, Instant closedAt) {
        return ObjectShapes.reshape(plainCreate, List.of(As2.QUESTION), object -> addPoll(object, poll, closedAt));
    }

    /** Update(Question) with the current counts, given the Update the post would have as a plain Note. */
    public Activity update(Activity plainUpdate, Poll poll, Instant closedAt) {
        return ObjectShapes.reshape(plainUpdate, List.of(As2.QUESTION), object -> addPoll(object, poll, closedAt));
    }

    /** One vote for one option; Mastodon sends one such Create per chosen option. */
    public Activity vote(URI voteId, Account voter, URI poll, URI pollAuthor, String option, Instant at) {
        Note note = new Note(voteId, As2.NOTE, voter.uri(), null, null, false, at, null, List.of(pollAuthor),
                List.of(), poll, null, List.of(), Json.createObjectBuilder().add("name", option).build());
        return new Activity(URI.create(voteId + "/activity"), As2.CREATE, voter.uri(), codec.embed(note),
                List.of(pollAuthor), List.of(), at, NONE);
    }

    /** {@code closedAt} is when the poll closed, {@code null} while open. */
    private static void addPoll(JsonObjectBuilder object, Poll poll, Instant closedAt) {
        JsonArrayBuilder options = Json.createArrayBuilder();
        for (Poll.Option option : poll.options()) {
            options.add(Json.createObjectBuilder().add("type", As2.NOTE).add("name", option.title())
                    .add("replies", Json.createObjectBuilder().add("type", "Collection")
                            .add("totalItems", option.votesCount())));
        }
        object.add(poll.multiple() ? "anyOf" : "oneOf", options);
        if (poll.expiresAt() != null) {
            object.add("endTime", timestamp(poll.expiresAt()));
        }
        if (closedAt != null) {
            object.add("closed", timestamp(closedAt));
        }
        object.add("votersCount", poll.votersCount());
    }

    /** Whether an embedded object is a vote: a Note with a name, in reply to something, without content. */
    public static boolean isVote(ObjectRef.Embedded object) {
        JsonObject json = object.json();
        return As2.NOTE.equals(object.type()) && json.get("name") != null && json.get("inReplyTo") != null
                && (json.get("content") == null || json.getString("content", "").isBlank());
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
