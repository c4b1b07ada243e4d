package org.tributary.node.inbound;

import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.follow.Follow;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.store.Database;
import org.tributary.node.timeline.HomeFeed;

/**
 * The other node rejected one of our follows: a locked account said no, or the followed colleague
 * removed us from their followers. Guards: the Follow is one we sent, and the actor rejecting it is the
 * account we asked to follow. Then our follow goes, pending or accepted, and with it the author's posts
 * from the follower's home feed.
 */
public final class RejectFollowHandler implements ActivityHandler {
    private final Database database;
    private final AccountStore accounts;
    private final FollowStore follows;
    private final HomeFeed homeFeed;
    private final VocabCodec codec;

    public RejectFollowHandler(Database database, AccountStore accounts, FollowStore follows, HomeFeed homeFeed,
            VocabCodec codec) {
        this.homeFeed = homeFeed;
        this.database = database;
        this.accounts = accounts;
        this.follows = follows;
        this.codec = codec;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity reject = codec.readActivity(inbound.json());
        if (reject.objectId() == null) {
            return new HandlerResult.Ignored("Reject without an object");
        }
        return database.inTransaction(connection -> {
            Optional<Follow> follow = follows.findByActivity(connection, reject.objectId());
            if (follow.isEmpty()) {
                return new HandlerResult.Ignored("no follow of ours with id " + reject.objectId());
            }
            Optional<Account> target = accounts.findById(connection, follow.get().targetId());
            if (target.isEmpty() || !target.get().uri().equals(reject.actor())) {
                return new HandlerResult.Ignored("only the followed actor may reject the follow");
            }
            follows.delete(connection, follow.get().followerId(), follow.get().targetId());
            homeFeed.forgetAuthor(connection, follow.get().followerId(), follow.get().targetId());
            return HandlerResult.applied();
        });
    }
}
