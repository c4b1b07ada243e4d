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
import org.tributary.node.follow.FollowState;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.store.Database;

/**
 * The other node accepted one of our follows. Guards: the accepted Follow is one we sent, and the
 * actor accepting it is the account we asked to follow (nobody else may accept on their behalf).
 */
public final class AcceptFollowHandler implements ActivityHandler {
    private final Database database;
    private final AccountStore accounts;
    private final FollowStore follows;
    private final VocabCodec codec;

    public AcceptFollowHandler(Database database, AccountStore accounts, FollowStore follows, VocabCodec codec) {
        this.database = database;
        this.accounts = accounts;
        this.follows = follows;
        this.codec = codec;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity accept = codec.readActivity(inbound.json());
        return database.inTransaction(connection -> {
            Optional<Follow> follow = follows.findByActivity(connection, accept.object().id());
            if (follow.isEmpty()) {
                return new HandlerResult.Ignored("no follow of ours with id " + accept.object().id());
            }
            Optional<Account> target = accounts.findById(connection, follow.get().targetId());
            if (target.isEmpty() || !target.get().uri().equals(accept.actor())) {
                return new HandlerResult.Ignored("only the followed actor may accept the follow");
            }
            follows.setState(connection, follow.get().id(), FollowState.ACCEPTED);
            return HandlerResult.applied();
        });
    }
}
