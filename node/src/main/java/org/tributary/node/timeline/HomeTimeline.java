package org.tributary.node.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.interaction.Interaction;
import org.tributary.node.interaction.InteractionStore;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.relationship.BlockStore;
import org.tributary.node.relationship.MuteStore;
import org.tributary.node.store.Database;

/**
 * The home timeline with boosts: the posts of the stored feed ({@link HomeFeedStore}), and the boosts made by the
 * viewer and the accounts they follow. Both carry time-ordered ids from one generator, so one page is
 * the two pages merged and cut again. A boost shows only when the viewer may read the boosted post
 * ({@link StatusVisibility}) and neither blocks nor mutes its author.
 */
public final class HomeTimeline {
    private final Database database;
    private final HomeFeedStore feed;
    private final StatusStore statuses;
    private final InteractionStore interactions;
    private final AccountStore accounts;
    private final BlockStore blocks;
    private final MuteStore mutes;
    private final StatusVisibility visibility;

    public HomeTimeline(Database database, HomeFeedStore feed, StatusStore statuses, InteractionStore interactions,
            AccountStore accounts, BlockStore blocks, MuteStore mutes, StatusVisibility visibility) {
        this.database = database;
        this.feed = feed;
        this.statuses = statuses;
        this.interactions = interactions;
        this.accounts = accounts;
        this.blocks = blocks;
        this.mutes = mutes;
        this.visibility = visibility;
    }

    public List<HomeEntry> page(Account viewer, Page page) {
        return database.inTransaction(connection -> {
            List<HomeEntry> entries = new ArrayList<>();
            for (Status status : feed.page(connection, viewer.id(), page)) {
                if (visibility.canSee(connection, viewer, status)) {
                    entries.add(new HomeEntry.Post(status));
                }
            }
            for (Interaction boost : interactions.homeReblogs(connection, viewer.id(), page)) {
                Optional<Status> status = statuses.findById(connection, boost.statusId());
                Optional<Account> booster = accounts.findById(connection, boost.accountId());
                if (status.isPresent() && booster.isPresent() && visibility.canSee(connection, viewer, status.get())
                        && !blocks.blocks(connection, viewer.id(), status.get().accountId())
                        && mutes.find(connection, viewer.id(), status.get().accountId()).isEmpty()) {
                    entries.add(new HomeEntry.Boost(boost, booster.get(), status.get()));
                }
            }
            entries.sort(Comparator.comparingLong(HomeEntry::id).reversed());
            // min_id pages are the entries just after it, so keep the oldest; every other page the newest.
            boolean justAfter = page.minId() != null && page.sinceId() == null;
            int size = Math.min(page.limit(), entries.size());
            return justAfter ? entries.subList(entries.size() - size, entries.size())
                    : entries.subList(0, size);
        });
    }
}
