package org.tributary.node.relationship;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.vocab.Activity;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.http.ApiException;
import org.tributary.node.outbound.BlockActivities;
import org.tributary.node.post.Page;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.timeline.HomeFeed;

/**
 * Blocking: the follows between the two accounts end in both directions, and a colleague on another
 * node is told with a Block (as Mastodon does), so their node drops the follows too and stops showing
 * them the blocker's posts. From then on the blocked account cannot follow the blocker, read the
 * blocker's posts through this node, or have a like or boost of them applied; the blocker no longer
 * sees the blocked account's posts in timelines or their notifications ({@code StatusVisibility},
 * the home timeline and the notification queries apply this).
 */
public final class BlockService {
    /** A blocked account with the block's id, for paging. */
    public record Entry(long blockId, Account account) {
    }

    private final Database database;
    private final BlockStore blocks;
    private final FollowStore follows;
    private final HomeFeed homeFeed;
    private final AccountStore accounts;
    private final BlockActivities activities;
    private final Outbox outbox;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;

    public BlockService(Database database, BlockStore blocks, FollowStore follows, HomeFeed homeFeed,
            AccountStore accounts, BlockActivities activities, Outbox outbox, LocalUris uris, IdGenerator ids,
            Clock clock) {
        this.homeFeed = homeFeed;
        this.database = database;
        this.blocks = blocks;
        this.follows = follows;
        this.accounts = accounts;
        this.activities = activities;
        this.outbox = outbox;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    public void block(Account blocker, Account target) {
        if (blocker.id() == target.id()) {
            throw new ApiException(422, "self_block", "you cannot block yourself");
        }
        database.inTransactionVoid(connection -> {
            follows.delete(connection, blocker.id(), target.id());
            follows.delete(connection, target.id(), blocker.id());
            // Each one's posts leave the other's home feed (a feed exists only for this node's employees).
            homeFeed.forgetAuthor(connection, blocker.id(), target.id());
            homeFeed.forgetAuthor(connection, target.id(), blocker.id());
            long id = ids.next();
            Instant now = clock.instant();
            URI activityUri = uris.activity(blocker.username(), "blocks", id);
            Block block = new Block(id, blocker.id(), target.id(), activityUri, now);
            if (blocks.insertIfAbsent(connection, block)) {
                outbox.send(connection, activities.block(block.activityUri(), blocker.uri(), target.uri(), now),
                        blocker, List.of(target));
            }
        });
    }

    public void unblock(Account blocker, Account target) {
        database.inTransactionVoid(connection -> {
            Optional<Block> existing = blocks.find(connection, blocker.id(), target.id());
            if (existing.isEmpty()) {
                return;
            }
            blocks.delete(connection, existing.get().id());
            Activity original = activities.block(existing.get().activityUri(), blocker.uri(), target.uri(),
                    existing.get().createdAt());
            URI undoId = uris.activity(blocker.username(), "undos", ids.next());
            outbox.send(connection, activities.undo(undoId, original, clock.instant()), blocker, List.of(target));
        });
    }

    /** The accounts {@code blocker} blocks, newest block first. */
    public List<Entry> blocked(Account blocker, Page page) {
        return database.inTransaction(connection -> {
            List<Entry> entries = new ArrayList<>();
            for (Block block : blocks.byAccount(connection, blocker.id(), page)) {
                accounts.findById(connection, block.targetId())
                        .ifPresent(account -> entries.add(new Entry(block.id(), account)));
            }
            return entries;
        });
    }
}
