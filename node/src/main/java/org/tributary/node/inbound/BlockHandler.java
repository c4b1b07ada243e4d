package org.tributary.node.inbound;

import java.time.Clock;
import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.relationship.Block;
import org.tributary.node.relationship.BlockStore;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.timeline.HomeFeed;

/**
 * A colleague on another node blocks one of our employees. Guards: the object is an employee here.
 * Then the follows between them end in both directions and the block is kept, so through this node the
 * employee no longer sees the blocker's posts and cannot follow them again.
 */
public final class BlockHandler implements ActivityHandler {
    private final Database database;
    private final AccountStore accounts;
    private final FollowStore follows;
    private final BlockStore blocks;
    private final HomeFeed homeFeed;
    private final RemoteAccountService remoteAccounts;
    private final VocabCodec codec;
    private final IdGenerator ids;
    private final Clock clock;

    public BlockHandler(Database database, AccountStore accounts, FollowStore follows, BlockStore blocks,
            HomeFeed homeFeed, RemoteAccountService remoteAccounts, VocabCodec codec, IdGenerator ids, Clock clock) {
        this.homeFeed = homeFeed;
        this.database = database;
        this.accounts = accounts;
        this.follows = follows;
        this.blocks = blocks;
        this.remoteAccounts = remoteAccounts;
        this.codec = codec;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity block = codec.readActivity(inbound.json());
        Optional<Account> target = block.objectId() == null ? Optional.empty()
                : database.inTransaction(connection -> accounts.findByUri(connection, block.objectId()))
                        .filter(Account::isLocal).filter(account -> !account.isInstanceActor());
        if (target.isEmpty()) {
            return new HandlerResult.Ignored("the blocked actor is not an employee of this node");
        }
        Account blocker = remoteAccounts.byUri(block.actor());
        return database.inTransaction(connection -> {
            follows.delete(connection, blocker.id(), target.get().id());
            follows.delete(connection, target.get().id(), blocker.id());
            homeFeed.forgetAuthor(connection, target.get().id(), blocker.id());
            blocks.insertIfAbsent(connection, new Block(ids.next(), blocker.id(), target.get().id(), block.id(),
                    clock.instant()));
            return HandlerResult.applied();
        });
    }
}
