package org.tributary.node.hashtag;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tributary.node.account.Account;
import org.tributary.node.http.ApiException;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusTagStore;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.timeline.HomeFeed;
import org.tributary.node.timeline.StatusVisibility;

/**
 * What employees do with hashtags: read a tag's timeline, see a tag, follow and unfollow it, list the
 * tags they follow. Following changes are committed first; the node's subscriptions to peers follow
 * them afterwards ({@link PeerTagSubscriptions}).
 */
public final class HashtagService {
    public static final int HISTORY_DAYS = 7;
    /** How many recent posts with a tag join the home feed of someone who starts following it. */
    public static final int HOME_BACKFILL = 40;

    private final Database database;
    private final TagFollowStore tagFollows;
    private final TagTimelineStore timeline;
    private final StatusVisibility visibility;
    private final PeerTagSubscriptions peerSubscriptions;
    private final HomeFeed homeFeed;
    private final IdGenerator ids;
    private final Clock clock;

    public HashtagService(Database database, TagFollowStore tagFollows, TagTimelineStore timeline,
            StatusVisibility visibility, PeerTagSubscriptions peerSubscriptions, HomeFeed homeFeed, IdGenerator ids,
            Clock clock) {
        this.homeFeed = homeFeed;
        this.database = database;
        this.tagFollows = tagFollows;
        this.timeline = timeline;
        this.visibility = visibility;
        this.peerSubscriptions = peerSubscriptions;
        this.ids = ids;
        this.clock = clock;
    }

    /** A tag's timeline, newest first by the authors' time; every post is also checked by the one read rule. */
    public List<Status> timeline(Account viewer, TagQuery query, Page page) {
        requireName(query.tag());
        return database.inTransaction(connection -> visibility.visible(connection, viewer,
                timeline.read(connection, query, page)));
    }

    /** This node's own organization posts with the tag, newest first: the tag collection peers read. */
    public List<Status> localOrganizationPosts(String name, int limit) {
        String tag = requireName(name);
        return database.inTransaction(connection -> timeline.read(connection,
                new TagQuery(tag, List.of(), List.of(), List.of(), true, false), List.of(Visibility.ORGANIZATION),
                Page.latest(limit)));
    }

    public TagInfo tag(Account viewer, String name) {
        String tag = requireName(name);
        return database.inTransaction(connection -> info(connection, viewer, tag));
    }

    /**
     * Follows the tag (again is fine): its recent organization posts join the follower's home feed, and
     * the node then subscribes to the tag on every Tributary peer.
     */
    public TagInfo follow(Account follower, String name) {
        String tag = requireName(name);
        TagInfo info = database.inTransaction(connection -> {
            tagFollows.insertIfAbsent(connection, ids.next(), follower.id(), tag, clock.instant());
            homeFeed.backfillTag(connection, follower.id(), timeline.read(connection, TagQuery.of(tag),
                    List.of(Visibility.ORGANIZATION), Page.latest(HOME_BACKFILL)));
            return info(connection, follower, tag);
        });
        peerSubscriptions.reconcileLater(tag);
        return info;
    }

    /**
     * Stops following the tag: the posts that were in the home feed only because of it leave it; when
     * nobody here follows it any more, the node unsubscribes from the peers.
     */
    public TagInfo unfollow(Account follower, String name) {
        String tag = requireName(name);
        TagInfo info = database.inTransaction(connection -> {
            tagFollows.delete(connection, follower.id(), tag);
            homeFeed.forgetTag(connection, follower.id(), tag);
            return info(connection, follower, tag);
        });
        peerSubscriptions.reconcileLater(tag);
        return info;
    }

    /** The tags an account follows, most recently followed first; paged by the follow's id. */
    public List<TagFollowStore.Followed> followed(Account account, Long maxId, int limit) {
        return database.inTransaction(connection -> tagFollows.byAccount(connection, account.id(), maxId,
                Math.max(1, Math.min(limit, Page.MAX_LIMIT))));
    }

    private TagInfo info(Connection connection, Account viewer, String tag) throws SQLException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(HISTORY_DAYS - 1L);
        Map<LocalDate, List<Long>> byDay = new TreeMap<>();
        for (TagTimelineStore.TagUse use : timeline.usesSince(connection, tag,
                first.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            byDay.computeIfAbsent(LocalDate.ofInstant(use.at(), ZoneOffset.UTC), day -> new ArrayList<>())
                    .add(use.accountId());
        }
        List<TagUsage> history = new ArrayList<>();
        for (LocalDate day = today; !day.isBefore(first); day = day.minusDays(1)) {
            List<Long> authors = byDay.getOrDefault(day, List.of());
            Set<Long> distinct = new HashSet<>(authors);
            history.add(new TagUsage(day, authors.size(), distinct.size()));
        }
        return new TagInfo(tag, tagFollows.follows(connection, viewer.id(), tag), history);
    }

    private static String requireName(String name) {
        String tag = StatusTagStore.normalize(name);
        if (tag.isEmpty() || !tag.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            throw new ApiException(422, "invalid_tag", "a tag is letters, digits and underscores");
        }
        return tag;
    }
}
