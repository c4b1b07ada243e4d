package org.tributary.node.outbound;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.VocabCodec;

/**
 * The outgoing shapes of reactions: Like (to the author), Announce (addressed like an organization
 * post: Public, with the author and the booster's followers in cc), and Undo of either, addressed as
 * the activity it takes back.
 */
public final class InteractionActivities {
    private static final JsonObject NONE = Json.createObjectBuilder().build();

    private final VocabCodec codec;

    public InteractionActivities(VocabCodec codec) {
        this.codec = codec;
    }

    public Activity like(URI id, URI actor, URI status, URI author, Instant published) {
        return new Activity(id, As2.LIKE, actor, new ObjectRef.Link(status), List.of(author), List.of(), published,
                NONE);
    }

    public Activity announce(URI id, URI actor, URI actorFollowers, URI status, URI author, Instant published) {
        return new Activity(id, As2.ANNOUNCE, actor, new ObjectRef.Link(status), List.of(As2.PUBLIC),
                List.of(author, actorFollowers), published, NONE);
    }

    /** Takes back a Like or Announce; the original is embedded so the receiver needs no look-up by id. */
    public Activity undo(URI id, Activity original, Instant published) {
        return new Activity(id, As2.UNDO, original.actor(),
                new ObjectRef.Embedded(original.id(), original.type(), codec.toJson(original)), original.to(),
                original.cc(), published, NONE);
    }
}
