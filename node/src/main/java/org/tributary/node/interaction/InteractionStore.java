package org.tributary.node.interaction;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.Jdbc;

/**
 * Likes and boosts in the {@code favourites} and {@code reblogs} tables (same shape, chosen by
 * {@link InteractionKind}), and the counts a remote post's node reported ({@code statuses.reported_*}).
 */
public final class InteractionStore {
    private static final String COLUMNS = "id, account_id, status_id, activity_uri, created_at";

    /** Inserts unless the account already liked/boosted the post; returns whether a row was added. */
    public boolean insertIfAbsent(Connection connection, Interaction interaction) throws SQLException {
        String table = interaction.kind().table();
        if (find(connection, interaction.kind(), interaction.accountId(), interaction.statusId()).isPresent()
                || Jdbc.count(connection, "SELECT COUNT(*) FROM " + table + " WHERE activity_uri_hash = ?",
                        hash(interaction.activityUri())) > 0) {
            return false;
        }
        Jdbc.update(connection, "INSERT INTO " + table + " (" + COLUMNS + ", activity_uri_hash) VALUES (?,?,?,?,?,?)",
                interaction.id(), interaction.accountId(), interaction.statusId(), interaction.activityUri(),
                interaction.createdAt(), hash(interaction.activityUri()));
        return true;
    }

    public Optional<Interaction> find(Connection connection, InteractionKind kind, long accountId, long statusId)
            throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM " + kind.table()
                + " WHERE account_id = ? AND status_id = ?", row -> map(row, kind), accountId, statusId);
    }

    public Optional<Interaction> findByActivity(Connection connection, InteractionKind kind, URI activityUri)
            throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM " + kind.table()
                + " WHERE activity_uri_hash = ?", row -> map(row, kind), hash(activityUri));
    }

    public boolean delete(Connection connection, Interaction interaction) throws SQLException {
        return Jdbc.update(connection, "DELETE FROM " + interaction.kind().table() + " WHERE id = ?",
                interaction.id()) > 0;
    }

    public long count(Connection connection, InteractionKind kind, long statusId) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM " + kind.table() + " WHERE status_id = ?", statusId);
    }

    /** Every account that liked or boosted a post. */
    public List<Long> accountIds(Connection connection, long statusId) throws SQLException {
        return Jdbc.query(connection, "SELECT account_id FROM favourites WHERE status_id = ? UNION "
                + "SELECT account_id FROM reblogs WHERE status_id = ?", row -> row.getLong(1), statusId, statusId);
    }

    /** One page of a post's likes or boosts, newest first, paged by their ids. */
    public List<Interaction> ofStatus(Connection connection, InteractionKind kind, long statusId, Page page)
            throws SQLException {
        return page.run(connection, new StringBuilder("SELECT " + COLUMNS + " FROM " + kind.table()
                + " WHERE status_id = ?"), new ArrayList<>(List.of(statusId)), row -> map(row, kind));
    }

    /** One page of what an account liked or boosted, newest first, paged by their ids. */
    public List<Interaction> byAccount(Connection connection, InteractionKind kind, long accountId, Page page)
            throws SQLException {
        return page.run(connection, new StringBuilder("SELECT " + COLUMNS + " FROM " + kind.table()
                + " WHERE account_id = ?"), new ArrayList<>(List.of(accountId)), row -> map(row, kind));
    }

    /**
     * One page of the boosts for an account's home timeline: its own and those of the accounts it follows
     * (accepted), leaving out boosters it blocks or mutes.
     */
    public List<Interaction> homeReblogs(Connection connection, long viewerId, Page page) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM reblogs WHERE (account_id = ? OR account_id "
                + "IN (SELECT target_id FROM follows WHERE follower_id = ? AND state = 'accepted')) "
                + "AND account_id NOT IN (SELECT target_id FROM blocks WHERE account_id = ?) "
                + "AND account_id NOT IN (SELECT target_id FROM mutes WHERE account_id = ?)");
        return page.run(connection, sql, new ArrayList<>(List.of(viewerId, viewerId, viewerId, viewerId)),
                row -> map(row, InteractionKind.REBLOG));
    }

    /**
     * The counts this node shows: a local post's own rows; for a remote post what its node reported
     * (kept up to date by {@link #setReported} and {@link #adjustReported}).
     */
    public InteractionCounts counts(Connection connection, Status status) throws SQLException {
        if (status.local()) {
            return new InteractionCounts(count(connection, InteractionKind.FAVOURITE, status.id()),
                    count(connection, InteractionKind.REBLOG, status.id()));
        }
        return Jdbc.queryOne(connection, "SELECT reported_favourites, reported_reblogs FROM statuses WHERE id = ?",
                row -> new InteractionCounts(row.getLong(1), row.getLong(2)), status.id())
                .orElse(InteractionCounts.NONE);
    }

    /** {@link #counts(Connection, Status)} of each of these posts, by post id, read with one query. */
    public Map<Long, InteractionCounts> counts(Connection connection, Collection<Status> statuses)
            throws SQLException {
        // Both kinds of count come back for every post; which one it shows depends on where it was written.
        record Row(long id, InteractionCounts rows, InteractionCounts reported) {
        }
        Map<Long, Row> rows = new HashMap<>();
        for (Row row : Jdbc.queryIn(connection, "SELECT s.id, s.reported_favourites, s.reported_reblogs, "
                + "(SELECT COUNT(*) FROM favourites f WHERE f.status_id = s.id), "
                + "(SELECT COUNT(*) FROM reblogs r WHERE r.status_id = s.id) FROM statuses s WHERE s.id IN (%s)",
                statuses.stream().map(Status::id).toList(), row -> new Row(row.getLong(1),
                        new InteractionCounts(row.getLong(4), row.getLong(5)),
                        new InteractionCounts(row.getLong(2), row.getLong(3))))) {
            rows.put(row.id(), row);
        }
        Map<Long, InteractionCounts> counts = new HashMap<>();
        for (Status status : statuses) {
            Row row = rows.get(status.id());
            counts.put(status.id(), row == null ? InteractionCounts.NONE : status.local() ? row.rows() : row.reported());
        }
        return counts;
    }

    /** Which of these posts the account liked or boosted. */
    public Set<Long> statusIds(Connection connection, InteractionKind kind, long accountId,
            Collection<Long> statusIds) throws SQLException {
        return new HashSet<>(Jdbc.queryIn(connection, "SELECT status_id FROM " + kind.table()
                + " WHERE account_id = ? AND status_id IN (%s)", statusIds, row -> row.getLong(1), accountId));
    }

    /** Records the counts a remote post's node reported; an absent count keeps what was known. */
    public void setReported(Connection connection, long statusId, Optional<Long> favourites, Optional<Long> reblogs)
            throws SQLException {
        if (favourites.isPresent()) {
            Jdbc.update(connection, "UPDATE statuses SET reported_favourites = ? WHERE id = ?",
                    clamp(favourites.get()), statusId);
        }
        if (reblogs.isPresent()) {
            Jdbc.update(connection, "UPDATE statuses SET reported_reblogs = ? WHERE id = ?", clamp(reblogs.get()),
                    statusId);
        }
    }

    /**
     * Moves a remote post's count by one at once when an employee here likes or boosts it, so
     * their own client agrees before the author's node reports the new total.
     */
    public void adjustReported(Connection connection, InteractionKind kind, long statusId, boolean up)
            throws SQLException {
        String column = kind == InteractionKind.FAVOURITE ? "reported_favourites" : "reported_reblogs";
        if (up) {
            Jdbc.update(connection, "UPDATE statuses SET " + column + " = " + column + " + 1 WHERE id = ?", statusId);
        } else {
            Jdbc.update(connection, "UPDATE statuses SET " + column + " = " + column + " - 1 WHERE id = ? AND "
                    + column + " > 0", statusId);
        }
    }

    private static int clamp(long value) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, value));
    }

    private static String hash(URI uri) {
        return Hashes.sha256Hex(uri.toString());
    }

    private static Interaction map(ResultSet row, InteractionKind kind) throws SQLException {
        return new Interaction(row.getLong("id"), kind, row.getLong("account_id"), row.getLong("status_id"),
                Jdbc.uri(row, "activity_uri"), Jdbc.instant(row, "created_at"));
    }
}
