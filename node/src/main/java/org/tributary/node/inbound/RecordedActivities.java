package org.tributary.node.inbound;

import java.net.URI;
import java.util.Optional;
import org.tributary.federation.vocab.As2;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.interaction.InteractionKind;
import org.tributary.node.interaction.InteractionStore;
import org.tributary.node.relationship.BlockStore;
import org.tributary.node.store.Database;

/** The type of an activity this node keeps a row for (a Follow, Like, Announce or Block), looked up by its id. */
public final class RecordedActivities {
    private final Database database;
    private final FollowStore follows;
    private final InteractionStore interactions;
    private final BlockStore blocks;

    public RecordedActivities(Database database, FollowStore follows, InteractionStore interactions,
            BlockStore blocks) {
        this.database = database;
        this.follows = follows;
        this.interactions = interactions;
        this.blocks = blocks;
    }

    public Optional<String> typeOf(URI activityId) {
        return database.inTransaction(connection -> {
            if (follows.findByActivity(connection, activityId).isPresent()) {
                return Optional.of(As2.FOLLOW);
            }
            for (InteractionKind kind : InteractionKind.values()) {
                if (interactions.findByActivity(connection, kind, activityId).isPresent()) {
                    return Optional.of(kind.activityType());
                }
            }
            return blocks.findByActivity(connection, activityId).isPresent() ? Optional.of(As2.BLOCK)
                    : Optional.<String>empty();
        });
    }
}
