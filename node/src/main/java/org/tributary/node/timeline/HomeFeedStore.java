package org.tributary.node.timeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Jdbc;

/**
 * The stored home feeds ({@code home_feed}): who gets which post in their home timeline. Rows are
 * written when a post is stored and read by primary-key range, newest first.
 */
public final class HomeFeedStore {
    private static final String NOT_THERE = " AND NOT EXISTS (SELECT 1 FROM home_feed h WHERE h.account_id = %s "
            + "AND h.status_id = ?)";

    /** Adds the post to the author's own feed when the author is one of ours. */
    public void addForLocalAuthor(Connection connection, Status status) throws SQLException {
        Jdbc.update(connection, "INSERT INTO home_feed (account_id, status_id) SELECT a.id, ? FROM accounts a "
                + "WHERE a.id = ? AND a.authority = ''" + NOT_THERE.formatted("a.id"),
                status.id(), status.accountId(), status.id());
    }

    /** Adds the post to the feeds of the author's accepted followers on this node. */
    public void addForLocalFollowers(Connection connection, Status status) throws SQLException {
        Jdbc.update(connection, "INSERT INTO home_feed (account_id, status_id) SELECT f.follower_id, ? FROM follows f "
                + "JOIN accounts a ON a.id = f.follower_id AND a.authority = '' WHERE f.target_id = ? "
                + "AND f.state = 'accepted'" + NOT_THERE.formatted("f.follower_id"),
                status.id(), status.accountId(), status.id());
    }

    /** Adds the post to the feeds of the accounts on this node it names (mentions, direct recipients). */
    public void addForLocalRecipients(Connection connection, Status status) throws SQLException {
        Jdbc.update(connection, "INSERT INTO home_feed (account_id, status_id) SELECT r.account_id, ? "
                + "FROM status_recipients r JOIN accounts a ON a.id = r.account_id AND a.authority = '' "
                + "WHERE r.status_id = ?" + NOT_THERE.formatted("r.account_id"),
                status.id(), status.id(), status.id());
    }

    /**
     * Adds the post to the feeds of the accounts here that follow one of its hashtags (names as stored).
     * Driven step by step from the post's own tags through the indexes: one INSERT ... SELECT joining the
     * four tables let Derby scan {@code accounts} and {@code home_feed}, and under concurrent posting every
     * post then waited on the others' uncommitted feed rows (benchmark 2: posts queued for seconds).
     */
    public void addForTagFollowers(Connection connection, Status status) throws SQLException {
        List<String> tags = Jdbc.query(connection, "SELECT name FROM status_tags WHERE status_id = ?",
                row -> row.getString(1), status.id());
        Set<Long> readers = new TreeSet<>();
        for (String tag : tags) {
            readers.addAll(Jdbc.query(connection, "SELECT f.account_id FROM tag_follows f JOIN accounts a "
                    + "ON a.id = f.account_id WHERE f.name = ? AND a.authority = ''", row -> row.getLong(1), tag));
        }
        for (long reader : readers) {
            add(connection, reader, status.id());
        }
    }

    /**
     * Takes out of a reader's feed the posts with {@code tag} that have no other reason to be there: not
     * their own, not naming them, not by an account they follow (accepted), no other tag they follow.
     */
    public void removeTagOnly(Connection connection, long accountId, String tag) throws SQLException {
        Jdbc.update(connection, "DELETE FROM home_feed WHERE account_id = ? AND status_id IN "
                + "(SELECT t.status_id FROM status_tags t WHERE t.name = ?) "
                + "AND status_id NOT IN (SELECT s.id FROM statuses s WHERE s.account_id = ? OR s.account_id IN "
                + "(SELECT target_id FROM follows WHERE follower_id = ? AND state = 'accepted')) "
                + "AND status_id NOT IN (SELECT status_id FROM status_recipients WHERE account_id = ?) "
                + "AND status_id NOT IN (SELECT o.status_id FROM status_tags o JOIN tag_follows f ON f.name = o.name "
                + "WHERE f.account_id = ? AND f.name <> ?)",
                accountId, tag, accountId, accountId, accountId, accountId, tag);
    }

    /** Adds one post to one reader's feed (e.g. a followed hashtag, a boost), if not there yet. */
    public void add(Connection connection, long accountId, long statusId) throws SQLException {
        Jdbc.update(connection, "INSERT INTO home_feed (account_id, status_id) SELECT a.id, ? FROM accounts a "
                + "WHERE a.id = ?" + NOT_THERE.formatted("a.id"), statusId, accountId, statusId);
    }

    /** Takes an author's posts out of a reader's feed (after an unfollow). */
    public void removeAuthor(Connection connection, long accountId, long authorId) throws SQLException {
        Jdbc.update(connection, "DELETE FROM home_feed WHERE account_id = ? AND status_id IN "
                + "(SELECT id FROM statuses WHERE account_id = ?) AND status_id NOT IN "
                + "(SELECT status_id FROM status_recipients WHERE account_id = ?)", accountId, authorId, accountId);
    }

    /**
     * One page of a reader's feed, newest first, without deleted posts nor authors the reader blocks or
     * mutes (checked on read, so an unmute brings their posts back).
     *
     * <p>Read in two steps because Derby plans the one-statement form (feed joined with statuses, the
     * blocks and mutes as NOT IN subqueries) by scanning the reader's whole feed in key order and sorting
     * it: 2-3 s for a feed of 100,000 posts. The feed's ids alone are a short scan of the newest-first
     * index; the posts are then read by primary key. When posts drop out, the next ids are read, so a page
     * is as full as the one-statement form made it.
     */
    public List<Status> page(Connection connection, long accountId, Page page) throws SQLException {
        List<Status> shown = new ArrayList<>();
        Page chunk = page;
        while (true) {
            List<Long> ids = chunk.run(connection, new StringBuilder("SELECT status_id FROM home_feed WHERE "
                    + "account_id = ?"), new ArrayList<>(List.of(accountId)), row -> row.getLong(1), "status_id");
            Map<Long, Status> readable = new HashMap<>();
            Jdbc.queryIn(connection, "SELECT " + StatusStore.COLUMNS + " FROM statuses WHERE deleted_at IS NULL"
                    + " AND account_id NOT IN (SELECT target_id FROM blocks WHERE account_id = ?)"
                    + " AND account_id NOT IN (SELECT target_id FROM mutes WHERE account_id = ?) AND id IN (%s)",
                    ids, StatusStore::map, accountId, accountId).forEach(status -> readable.put(status.id(), status));
            ids.stream().map(readable::get).filter(Objects::nonNull).forEach(shown::add);
            if (shown.size() >= page.limit() || ids.size() < chunk.limit()) {
                break;
            }
            chunk = chunk.beyond(ids);
        }
        // Chunks come newest first each; a min_id page read upwards, so its chunks are in the other order.
        shown.sort(Comparator.comparingLong(Status::id).reversed());
        boolean upwards = page.minId() != null && page.sinceId() == null;
        int size = Math.min(page.limit(), shown.size());
        return upwards ? shown.subList(shown.size() - size, shown.size()) : shown.subList(0, size);
    }
}
