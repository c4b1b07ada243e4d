package org.tributary.node.timeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.interaction.Interaction;
import org.tributary.node.interaction.InteractionStore;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
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
    private final MuteStore mutes;
    private final StatusVisibility visibility;

    public HomeTimeline(Database database, HomeFeedStore feed, StatusStore statuses, InteractionStore interactions,
            AccountStore accounts, MuteStore mutes, StatusVisibility visibility) {
        this.database = database;
        this.feed = feed;
        this.statuses = statuses;
        this.interactions = interactions;
        this.accounts = accounts;
        this.mutes = mutes;
        this.visibility = visibility;
    }

    public List<HomeEntry> page(Account viewer, Page page) {
        return database.inTransaction(connection -> {
            List<Status> posts = feed.page(connection, viewer.id(), page);
            List<Interaction> boosts = interactions.homeReblogs(connection, viewer.id(), page);
            Map<Long, Status> boosted = statuses.findByIds(connection,
                    boosts.stream().map(Interaction::statusId).toList());
            // One visibility check for the posts and the boosted posts together.
            List<Status> candidates = new ArrayList<>(posts);
            candidates.addAll(boosted.values());
            Set<Long> readable = visibility.visible(connection, viewer, candidates).stream().map(Status::id)
                    .collect(Collectors.toSet());
            List<HomeEntry> entries = new ArrayList<>();
            posts.stream().filter(status -> readable.contains(status.id()))
                    .forEach(status -> entries.add(new HomeEntry.Post(status)));
            entries.addAll(boosts(connection, viewer, boosts, boosted, readable));
            entries.sort(Comparator.comparingLong(HomeEntry::id).reversed());
            // min_id pages are the entries just after it, so keep the oldest; every other page the newest.
            boolean justAfter = page.minId() != null && page.sinceId() == null;
            int size = Math.min(page.limit(), entries.size());
            return justAfter ? entries.subList(entries.size() - size, entries.size())
                    : entries.subList(0, size);
        });
    }

    /**
     * The boosts the viewer may see, their boosters read for all of them at once: the boosted post
     * {@code readable} ({@link StatusVisibility}, which also keeps out authors either side blocks) and its
     * author not muted by the viewer.
     */
    private List<HomeEntry> boosts(Connection connection, Account viewer, List<Interaction> boosts,
            Map<Long, Status> boosted, Set<Long> readable) throws SQLException {
        if (boosts.isEmpty()) {
            return List.of();
        }
        Map<Long, Account> boosters = accounts.findByIds(connection,
                boosts.stream().map(Interaction::accountId).toList());
        Set<Long> muted = mutes.mutedAmong(connection, viewer.id(),
                boosted.values().stream().map(Status::accountId).toList());
        List<HomeEntry> entries = new ArrayList<>();
        for (Interaction boost : boosts) {
            Status status = boosted.get(boost.statusId());
            Account booster = boosters.get(boost.accountId());
            if (status != null && booster != null && readable.contains(status.id())
                    && !muted.contains(status.accountId())) {
                entries.add(new HomeEntry.Boost(boost, booster, status));
            }
        }
        return entries;
    }
}
