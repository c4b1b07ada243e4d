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

/** The outgoing shapes of blocking: Block (to the blocked account) and Undo(Block). */
public final class BlockActivities {
    private static final JsonObject NONE = Json.createObjectBuilder().build();

    private final VocabCodec codec;

    public BlockActivities(VocabCodec codec) {
        this.codec = codec;
    }

    public Activity block(URI id, URI actor, URI target, Instant published) {
        return new Activity(id, As2.BLOCK, actor, new ObjectRef.Link(target), List.of(target), List.of(), published,
                NONE);
    }

    public Activity undo(URI id, Activity block, Instant published) {
        return new Activity(id, As2.UNDO, block.actor(),
                new ObjectRef.Embedded(block.id(), block.type(), codec.toJson(block)), block.to(), List.of(),
                published, NONE);
    }
}
