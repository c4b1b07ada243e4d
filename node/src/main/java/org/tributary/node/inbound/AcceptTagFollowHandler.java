package org.tributary.node.inbound;

import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.config.LocalUris;
import org.tributary.node.hashtag.TagBackfill;
import org.tributary.node.hashtag.TagPeerSubscription;
import org.tributary.node.hashtag.TagPeerSubscriptionStore;
import org.tributary.node.store.Database;

/**
 * A peer accepted our instance actor's Follow of its tag collection. Guards: the Follow is one of our
 * tag subscriptions, and the Accept comes from that peer's instance actor. Then the subscription is
 * marked accepted and the peer's recent posts with the tag are fetched ({@link TagBackfill}): from now on
 * new ones are delivered, and the older ones are in the collection.
 */
public final class AcceptTagFollowHandler implements ActivityHandler {
    private final Database database;
    private final TagPeerSubscriptionStore subscriptions;
    private final TagBackfill backfill;
    private final VocabCodec codec;
    private final LocalUris uris;

    public AcceptTagFollowHandler(Database database, TagPeerSubscriptionStore subscriptions, TagBackfill backfill,
            VocabCodec codec, LocalUris uris) {
        this.database = database;
        this.subscriptions = subscriptions;
        this.backfill = backfill;
        this.codec = codec;
        this.uris = uris;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity accept = codec.readActivity(inbound.json());
        Optional<TagPeerSubscription> subscription = database.inTransaction(connection -> {
            Optional<TagPeerSubscription> found = subscriptions.findByFollow(connection, accept.objectId());
            if (found.isEmpty() || !uris.peerInstanceActor(found.get().peer()).equals(accept.actor())) {
                return Optional.<TagPeerSubscription>empty();
            }
            subscriptions.markAccepted(connection, found.get().id());
            return found;
        });
        if (subscription.isEmpty()) {
            return new HandlerResult.Ignored("no tag subscription of ours with id " + accept.objectId()
                    + " accepted by " + accept.actor());
        }
        backfill.backfill(subscription.get());
        return HandlerResult.applied();
    }
}
