package org.tributary.node.timeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

    /** One page of a reader's feed, newest first, without authors the reader blocks or mutes. */
    public List<Status> page(Connection connection, long accountId, Page page) throws SQLException {
        // Authors the reader blocks or mutes stay out, whatever the feed holds (checked on read, so an unmute
        // brings their posts back).
        StringBuilder sql = new StringBuilder("SELECT " + StatusStore.qualifiedColumns("s") + " FROM home_feed f "
                + "JOIN statuses s ON s.id = f.status_id WHERE f.account_id = ? AND s.deleted_at IS NULL"
                + " AND s.account_id NOT IN (SELECT target_id FROM blocks WHERE account_id = ?)"
                + " AND s.account_id NOT IN (SELECT target_id FROM mutes WHERE account_id = ?)");
        return page.run(connection, sql, new ArrayList<>(List.of(accountId, accountId, accountId)), StatusStore::map,
                "f.status_id");
    }
}
