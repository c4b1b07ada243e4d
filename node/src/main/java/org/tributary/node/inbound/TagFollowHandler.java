package org.tributary.node.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.hashtag.TagSubscriber;
import org.tributary.node.hashtag.TagSubscriberStore;
import org.tributary.node.outbound.TagFollowActivities;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.StoreException;

/**
 * A peer node subscribes to one of our tag collections. Guards: the object is this node's
 * {@code /tags/<name>}. Then the subscriber is recorded with its node's shared inbox and answered with
 * Accept from our instance actor; from then on our organization posts with the tag go to that inbox.
 */
public final class TagFollowHandler implements ActivityHandler {
    private final Database database;
    private final TagSubscriberStore subscribers;
    private final AccountStore accounts;
    private final RemoteAccountService remoteAccounts;
    private final TagFollowActivities activities;
    private final Outbox outbox;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;

    public TagFollowHandler(Database database, TagSubscriberStore subscribers, AccountStore accounts,
            RemoteAccountService remoteAccounts, TagFollowActivities activities, Outbox outbox, VocabCodec codec,
            LocalUris uris, IdGenerator ids, Clock clock) {
        this.database = database;
        this.subscribers = subscribers;
        this.accounts = accounts;
        this.remoteAccounts = remoteAccounts;
        this.activities = activities;
        this.outbox = outbox;
        this.codec = codec;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity follow = codec.readActivity(inbound.json());
        Optional<String> tag = uris.tagName(follow.objectId());
        if (tag.isEmpty()) {
            return new HandlerResult.Ignored("the followed object is not a tag collection of this node");
        }
        Account subscriber = remoteAccounts.byUri(follow.actor());
        return database.inTransaction(connection -> {
            Instant now = clock.instant();
            subscribers.upsert(connection, new TagSubscriber(ids.next(), tag.get(), subscriber.uri(),
                    subscriber.deliveryInbox(), follow.id()), now);
            Account self = accounts.findLocal(connection, LocalUris.INSTANCE_ACTOR_USERNAME)
                    .orElseThrow(() -> new StoreException(new java.sql.SQLException("the instance actor is missing")));
            Activity accept = activities.accept(uris.activity(LocalUris.INSTANCE_ACTOR_USERNAME, "accepts", ids.next()),
                    self.uri(), follow, now);
            outbox.send(connection, accept, self, List.of(subscriber));
            return HandlerResult.applied();
        });
    }
}
