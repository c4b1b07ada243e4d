package org.tributary.node.inbound;

import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.hashtag.TagSubscriber;
import org.tributary.node.hashtag.TagSubscriberStore;
import org.tributary.node.store.Database;

/**
 * A peer node ends its subscription to one of our tag collections. Guards: the undone Follow is a
 * subscription we hold, made by the actor who undoes it. Then nothing more with the tag goes there.
 */
public final class UndoTagFollowHandler implements ActivityHandler {
    private final Database database;
    private final TagSubscriberStore subscribers;
    private final VocabCodec codec;

    public UndoTagFollowHandler(Database database, TagSubscriberStore subscribers, VocabCodec codec) {
        this.database = database;
        this.subscribers = subscribers;
        this.codec = codec;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity undo = codec.readActivity(inbound.json());
        return database.inTransaction(connection -> {
            Optional<TagSubscriber> subscriber = subscribers.findByFollow(connection, undo.objectId());
            if (subscriber.isEmpty()) {
                return new HandlerResult.Ignored("no tag subscription with id " + undo.objectId());
            }
            if (!subscriber.get().subscriber().equals(undo.actor())) {
                return new HandlerResult.Ignored("only the subscriber may end a tag subscription");
            }
            subscribers.delete(connection, subscriber.get().id());
            return HandlerResult.applied();
        });
    }
}
