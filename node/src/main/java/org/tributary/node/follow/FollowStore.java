package org.tributary.node.follow;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tributary.node.post.Page;
import org.tributary.node.store.Database;
import org.tributary.node.store.Jdbc;
import org.tributary.node.store.ReadCache;

/**
 * Follow relations in the {@code follows} table.
 *
 * <p>Whether an account has an accepted follower is remembered between reads: the inbox's handlers ask it of
 * every incoming note's author and every booster, to decide whether anyone here wants the post, and it was one
 * index probe in a transaction of its own each time (~4 % of the node's CPU under benchmark 1). Every write of
 * a follow goes through here and forgets the answers, at the write and again when its transaction ends,
 * committed or rolled back; a read that raced with a write is not kept ({@link ReadCache}).
 */
public final class FollowStore {
    private static final String COLUMNS = "id, follower_id, target_id, activity_uri, state, created_at";
    /** Accounts whose "has followers?" answer is kept: the remote actors a node hears from, and more. */
    private static final int REMEMBERED_ACCOUNTS = 10_000;

    private final Database database;
    private final ReadCache<Long, Boolean> presence = new ReadCache<>(REMEMBERED_ACCOUNTS);

    /** @param database where the transactions that write follows run, to forget answers when they end */
    public FollowStore(Database database) {
        this.database = database;
    }

    public void insert(Connection connection, Follow follow) throws SQLException {
        Jdbc.update(connection, "INSERT INTO follows (" + COLUMNS + ") VALUES (?,?,?,?,?,?)", follow.id(),
                follow.followerId(), follow.targetId(), follow.activityUri(), follow.state(), follow.createdAt());
        written(connection);
    }

    /**
     * Forgets whether accounts have followers now and once the transaction that wrote a follow ends: a read
     * before its commit does not see the write, and one in the same transaction sees what a rollback undoes.
     */
    private void written(Connection connection) {
        presence.invalidate();
        database.afterCommit(connection, presence::invalidate);
        database.afterRollback(connection, presence::invalidate);
    }

    public Optional<Follow> find(Connection connection, long followerId, long targetId) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM follows WHERE follower_id = ? AND target_id = ?",
                FollowStore::map, followerId, targetId);
    }

    public Optional<Follow> findByActivity(Connection connection, URI activityUri) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM follows WHERE activity_uri = ?",
                FollowStore::map, activityUri);
    }

    public void setState(Connection connection, long id, FollowState state) throws SQLException {
        Jdbc.update(connection, "UPDATE follows SET state = ? WHERE id = ?", state, id);
        written(connection);
    }

    public boolean delete(Connection connection, long followerId, long targetId) throws SQLException {
        boolean deleted = Jdbc.update(connection, "DELETE FROM follows WHERE follower_id = ? AND target_id = ?",
                followerId, targetId) > 0;
        written(connection);
        return deleted;
    }

    /**
     * Whether an account has at least one accepted follower: as remembered, else one index probe, however many
     * it has. Needs no transaction when remembered.
     */
    public boolean hasFollowers(long targetId) {
        return presence.get(targetId).orElseGet(() -> database.inTransaction(connection ->
                hasFollowers(connection, targetId)));
    }

    /**
     * {@link #hasFollowers(long)} within a transaction already open. Not public: asked inside a transaction that
     * writes follows, it would keep an answer others could see before that transaction ends.
     */
    boolean hasFollowers(Connection connection, long targetId) throws SQLException {
        Optional<Boolean> remembered = presence.get(targetId);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        long readAt = presence.generation();
        boolean has = Jdbc.queryOne(connection, "SELECT 1 FROM follows WHERE target_id = ? AND state = 'accepted' "
                + "FETCH FIRST 1 ROWS ONLY", row -> true, targetId).orElse(false);
        presence.putIfCurrent(targetId, has, readAt);
        return has;
    }

    /**
     * How many accepted followers each of these accounts has and how many accounts it follows (accepted), by
     * account id, read with one query; an unknown account has none.
     */
    public Map<Long, FollowService.Counts> counts(Connection connection, Collection<Long> accountIds)
            throws SQLException {
        Map<Long, FollowService.Counts> counts = new HashMap<>();
        Jdbc.queryIn(connection, "SELECT a.id, "
                + "(SELECT COUNT(*) FROM follows f WHERE f.target_id = a.id AND f.state = 'accepted'), "
                + "(SELECT COUNT(*) FROM follows f WHERE f.follower_id = a.id AND f.state = 'accepted') "
                + "FROM accounts a WHERE a.id IN (%s)", accountIds, row -> counts.put(row.getLong(1),
                        new FollowService.Counts(row.getLong(2), row.getLong(3))));
        for (long id : accountIds) {
            counts.putIfAbsent(id, new FollowService.Counts(0, 0));
        }
        return counts;
    }

    /** Which of these accounts {@code followerId} follows (accepted). */
    public Set<Long> followedAmong(Connection connection, long followerId, Collection<Long> targetIds)
            throws SQLException {
        return new HashSet<>(Jdbc.queryIn(connection, "SELECT target_id FROM follows WHERE follower_id = ? "
                + "AND state = 'accepted' AND target_id IN (%s)", targetIds, row -> row.getLong(1), followerId));
    }

    /** Accepted followers of an account, oldest first. */
    public List<Long> followerIds(Connection connection, long targetId) throws SQLException {
        return Jdbc.query(connection, "SELECT follower_id FROM follows WHERE target_id = ? AND state = 'accepted' "
                + "ORDER BY id", row -> row.getLong(1), targetId);
    }

    /** Accounts an account follows (accepted), oldest first. */
    public List<Long> followingIds(Connection connection, long followerId) throws SQLException {
        return Jdbc.query(connection, "SELECT target_id FROM follows WHERE follower_id = ? AND state = 'accepted' "
                + "ORDER BY id", row -> row.getLong(1), followerId);
    }

    /**
     * One page of the follows pointing at {@code targetId} (its followers, or its follow requests when
     * {@code state} is pending), newest follow first; paged by follow id.
     */
    public List<Follow> toTarget(Connection connection, long targetId, FollowState state, Page page)
            throws SQLException {
        return page.run(connection, new StringBuilder("SELECT " + COLUMNS + " FROM follows WHERE target_id = ? "
                + "AND state = ?"), new ArrayList<>(List.of(targetId, state)), FollowStore::map);
    }

    /** One page of the accepted follows {@code followerId} has made, newest first; paged by follow id. */
    public List<Follow> fromFollower(Connection connection, long followerId, Page page) throws SQLException {
        return page.run(connection, new StringBuilder("SELECT " + COLUMNS + " FROM follows WHERE follower_id = ? "
                + "AND state = 'accepted'"), new ArrayList<>(List.of(followerId)), FollowStore::map);
    }

    private static Follow map(ResultSet row) throws SQLException {
        return new Follow(row.getLong("id"), row.getLong("follower_id"), row.getLong("target_id"),
                Jdbc.uri(row, "activity_uri"),
                FollowState.valueOf(row.getString("state").toUpperCase(Locale.ROOT)), Jdbc.instant(row, "created_at"));
    }
}
