package org.tributary.node.inbound;

import java.net.URI;
import java.util.Optional;
import org.tributary.federation.vocab.As2;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.hashtag.TagSubscriberStore;
import org.tributary.node.interaction.InteractionKind;
import org.tributary.node.interaction.InteractionStore;
import org.tributary.node.relationship.BlockStore;
import org.tributary.node.store.Database;

/**
 * The type of an activity this node keeps a row for, looked up by its id: a Follow (of a person, or a
 * peer's subscription to one of our tags), a Like, an Announce or a Block.
 */
public final class RecordedActivities {
    private final Database database;
    private final FollowStore follows;
    private final InteractionStore interactions;
    private final BlockStore blocks;
    private final TagSubscriberStore tagSubscribers;

    public RecordedActivities(Database database, FollowStore follows, InteractionStore interactions,
            BlockStore blocks, TagSubscriberStore tagSubscribers) {
        this.tagSubscribers = tagSubscribers;
        this.database = database;
        this.follows = follows;
        this.interactions = interactions;
        this.blocks = blocks;
    }

    public Optional<String> typeOf(URI activityId) {
        return database.inTransaction(connection -> {
            if (follows.findByActivity(connection, activityId).isPresent()
                    || tagSubscribers.findByFollow(connection, activityId).isPresent()) {
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
