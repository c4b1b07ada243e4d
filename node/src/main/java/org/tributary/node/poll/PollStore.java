package org.tributary.node.poll;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tributary.node.store.Jdbc;

/** The polls, poll_options and poll_votes tables. */
public final class PollStore {

    public boolean insertIfAbsent(Connection connection, Poll poll) throws SQLException {
        if (Jdbc.count(connection, "SELECT COUNT(*) FROM polls WHERE status_id = ?", poll.statusId()) > 0) {
            return false;
        }
        Jdbc.update(connection, "INSERT INTO polls (status_id, multiple, expires_at, closed, voters_count) "
                + "VALUES (?, ?, ?, ?, ?)", poll.statusId(), poll.multiple(),
                poll.expiresAt() == null ? Jdbc.nullOf(Types.TIMESTAMP) : poll.expiresAt(), poll.closed(),
                poll.votersCount());
        for (int i = 0; i < poll.options().size(); i++) {
            Poll.Option option = poll.options().get(i);
            Jdbc.update(connection, "INSERT INTO poll_options (status_id, position, title, votes_count) "
                    + "VALUES (?, ?, ?, ?)", poll.statusId(), i, option.title(), option.votesCount());
        }
        return true;
    }

    public Optional<Poll> find(Connection connection, long statusId) throws SQLException {
        return Optional.ofNullable(find(connection, List.of(statusId)).get(statusId));
    }

    /** The polls of those of these posts that are polls, by post id, options in order: two queries at most. */
    public Map<Long, Poll> find(Connection connection, Collection<Long> statusIds) throws SQLException {
        List<Poll> polls = Jdbc.queryIn(connection, "SELECT status_id, multiple, expires_at, closed, voters_count "
                + "FROM polls WHERE status_id IN (%s)", statusIds, row -> new Poll(row.getLong(1), row.getBoolean(2),
                Jdbc.instant(row, "expires_at"), row.getBoolean(4), row.getInt(5), List.of()));
        if (polls.isEmpty()) {
            return Map.of();
        }
        // Ordered here, not by the statement: a Derby sort costs more than the few rows it would order.
        record Positioned(int position, Poll.Option option) {
        }
        Map<Long, List<Positioned>> positioned = new HashMap<>();
        Jdbc.queryIn(connection, "SELECT status_id, position, title, votes_count FROM poll_options "
                + "WHERE status_id IN (%s)", polls.stream().map(Poll::statusId).toList(),
                row -> positioned.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                        .add(new Positioned(row.getInt(2), new Poll.Option(row.getString(3), row.getInt(4)))));
        Map<Long, List<Poll.Option>> options = new HashMap<>();
        positioned.forEach((statusId, list) -> options.put(statusId, list.stream()
                .sorted(Comparator.comparingInt(Positioned::position)).map(Positioned::option).toList()));
        Map<Long, Poll> found = new HashMap<>();
        for (Poll poll : polls) {
            found.put(poll.statusId(), new Poll(poll.statusId(), poll.multiple(), poll.expiresAt(), poll.closed(),
                    poll.votersCount(), options.getOrDefault(poll.statusId(), List.of())));
        }
        return found;
    }

    /** The positions an account chose, in order; empty when it has not voted. */
    public List<Integer> choicesOf(Connection connection, long statusId, long accountId) throws SQLException {
        return Jdbc.query(connection, "SELECT position FROM poll_votes WHERE status_id = ? AND account_id = ? "
                + "ORDER BY position", row -> row.getInt(1), statusId, accountId);
    }

    public void addVote(Connection connection, long statusId, long accountId, int position, Instant at)
            throws SQLException {
        Jdbc.update(connection, "INSERT INTO poll_votes (status_id, account_id, position, created_at) "
                + "VALUES (?, ?, ?, ?)", statusId, accountId, position, at);
    }

    /** The accounts that voted, for telling them the poll ended. */
    public List<Long> voterIds(Connection connection, long statusId) throws SQLException {
        return Jdbc.query(connection, "SELECT DISTINCT account_id FROM poll_votes WHERE status_id = ?",
                row -> row.getLong(1), statusId);
    }

    /** Recomputes the counts of a poll written here from its votes. */
    public void recount(Connection connection, long statusId) throws SQLException {
        Jdbc.update(connection, "UPDATE poll_options SET votes_count = (SELECT COUNT(*) FROM poll_votes v "
                + "WHERE v.status_id = poll_options.status_id AND v.position = poll_options.position) "
                + "WHERE status_id = ?", statusId);
        Jdbc.update(connection, "UPDATE polls SET voters_count = (SELECT COUNT(DISTINCT account_id) FROM poll_votes "
                + "WHERE status_id = ?) WHERE status_id = ?", statusId, statusId);
    }

    /** Sets the counts a peer's node reported for its poll. */
    public void report(Connection connection, long statusId, List<Integer> counts, int votersCount, boolean closed)
            throws SQLException {
        for (int i = 0; i < counts.size(); i++) {
            Jdbc.update(connection, "UPDATE poll_options SET votes_count = ? WHERE status_id = ? AND position = ?",
                    counts.get(i), statusId, i);
        }
        Jdbc.update(connection, "UPDATE polls SET voters_count = ?, closed = ? WHERE status_id = ?", votersCount,
                closed, statusId);
    }

    public void close(Connection connection, long statusId) throws SQLException {
        Jdbc.update(connection, "UPDATE polls SET closed = TRUE WHERE status_id = ?", statusId);
    }

    /** Polls written here whose end time has come and that are not closed yet. */
    public List<Long> dueForClosing(Connection connection, Instant now) throws SQLException {
        return Jdbc.query(connection, "SELECT p.status_id FROM polls p JOIN statuses s ON s.id = p.status_id "
                + "WHERE p.closed = FALSE AND p.expires_at <= ? AND s.local = TRUE AND s.deleted_at IS NULL",
                row -> row.getLong(1), now);
    }
}
