package org.tributary.node.outbound;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.VocabCodec;

/** The outgoing shapes of following: Follow, Accept(Follow), Reject(Follow), Undo(Follow). */
public final class FollowActivities {
    private static final JsonObject NONE = Json.createObjectBuilder().build();

    private final VocabCodec codec;

    public FollowActivities(VocabCodec codec) {
        this.codec = codec;
    }

    public Activity follow(URI id, URI follower, URI target, Instant published) {
        return new Activity(id, "Follow", follower, new ObjectRef.Link(target), List.of(target), List.of(), published,
                NONE);
    }

    /** The followed actor's answer; it embeds the Follow so the follower's node need not look it up. */
    public Activity answer(String type, URI id, Activity follow, Instant published) {
        return new Activity(id, type, targetOf(follow), embedded(follow), List.of(follow.actor()), List.of(),
                published, NONE);
    }

    public Activity undo(URI id, Activity follow, Instant published) {
        return new Activity(id, "Undo", follow.actor(), embedded(follow), List.of(targetOf(follow)), List.of(),
                published, NONE);
    }

    private ObjectRef embedded(Activity follow) {
        return new ObjectRef.Embedded(follow.id(), follow.type(), codec.toJson(follow));
    }

    private static URI targetOf(Activity follow) {
        return follow.object().id();
    }
}
