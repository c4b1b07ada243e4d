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

/**
 * A colleague on another node stops following one of ours. Guards: the undone Follow exists and was
 * made by the actor who undoes it (the pipeline has already checked the object's origin).
 */
public final class UndoFollowHandler implements ActivityHandler {
    private final Database database;
    private final AccountStore accounts;
    private final FollowStore follows;
    private final VocabCodec codec;

    public UndoFollowHandler(Database database, AccountStore accounts, FollowStore follows, VocabCodec codec) {
        this.database = database;
        this.accounts = accounts;
        this.follows = follows;
        this.codec = codec;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity undo = codec.readActivity(inbound.json());
        return database.inTransaction(connection -> {
            Optional<Follow> follow = follows.findByActivity(connection, undo.object().id());
            if (follow.isEmpty()) {
                return new HandlerResult.Ignored("no follow with id " + undo.object().id());
            }
            Optional<Account> follower = accounts.findById(connection, follow.get().followerId());
            if (follower.isEmpty() || !follower.get().uri().equals(undo.actor())) {
                return new HandlerResult.Ignored("only the follower may undo a follow");
            }
            follows.delete(connection, follow.get().followerId(), follow.get().targetId());
            return HandlerResult.applied();
        });
    }
}
