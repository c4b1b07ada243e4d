package org.tributary.node.outbound;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.VocabCodec;

/**
 * The outgoing shapes of a node-to-node tag subscription: our instance actor's Follow of a peer's tag
 * collection, the peer instance actor's Accept, and our Undo. Unlike a person's follow, the object of
 * the Follow is a collection, so the Accept comes from the instance actor that owns the collection.
 */
public final class TagFollowActivities {
    private static final JsonObject NONE = Json.createObjectBuilder().build();

    private final VocabCodec codec;

    public TagFollowActivities(VocabCodec codec) {
        this.codec = codec;
    }

    /** {@code follower} (our instance actor) follows {@code collection}, addressed to the peer's instance actor. */
    public Activity follow(URI id, URI follower, URI collection, URI peerActor, Instant published) {
        return new Activity(id, "Follow", follower, new ObjectRef.Link(collection), List.of(peerActor), List.of(),
                published, NONE);
    }

    /** The peer instance actor's Accept, embedding the Follow so the subscriber finds it by id. */
    public Activity accept(URI id, URI instanceActor, Activity follow, Instant published) {
        return new Activity(id, "Accept", instanceActor, codec.embed(follow), List.of(follow.actor()), List.of(),
                published, NONE);
    }

    public Activity undo(URI id, Activity follow, URI peerActor, Instant published) {
        return new Activity(id, "Undo", follow.actor(), codec.embed(follow), List.of(peerActor), List.of(),
                published, NONE);
    }
}
