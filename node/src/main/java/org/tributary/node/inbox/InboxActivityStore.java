package org.tributary.node.inbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.spi.InboxStore;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Jdbc;

/**
 * The durable inbox. An activity is committed here before the node answers 202; the unique activity
 * id hash makes storing and de-duplicating one atomic step, so a replay is never applied twice.
 */
public final class InboxActivityStore implements InboxStore {
    private static final int MAX_RESULT_LENGTH = 500;
    /** Raw bytes held for the processor at most (a few thousand activities: a second or two of a burst). */
    private static final long HAND_OFF_BYTES = 4L << 20;

    /** A stored activity waiting for (or done with) its handler. */
    public record StoredActivity(long id, URI activityId, String type, URI actor, byte[] body, int attempts) {
    }

    private final Database database;
    private final Clock clock;
    private final InboxGroupCommit groupCommit;
    private final LoggedBodies loggedBodies = new LoggedBodies(HAND_OFF_BYTES);
    /** Bodies {@link #pending} had to read back from the log: the hand-off's misses. */
    private final LongAdder bodiesReadFromLog = new LongAdder();

    public InboxActivityStore(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.groupCommit = new InboxGroupCommit(database, new InboxRows(ids));
    }

    /**
     * Where whoever stores activities with the compliance log hands their bytes to {@link #pending}, which
     * then need not read them back from the log.
     */
    public LoggedBodies loggedBodies() {
        return loggedBodies;
    }

    /** How many bodies of logged activities were read back from the log since start, not taken from the hand-off. */
    public long bodiesReadFromLog() {
        return bodiesReadFromLog.sum();
    }

    /** Concurrent calls are committed together (see {@link InboxGroupCommit}); each returns once its row is durable. */
    @Override
    public boolean storeIfAbsent(InboundActivity activity, Instant receivedAt, URI verifiedKeyId) {
        return groupCommit.storeIfAbsent(activity, receivedAt, verifiedKeyId);
    }

    /**
     * The oldest pending activities, read from the {@code inbox_pending} index in its order. The index is
     * named because Derby's optimizer ignores {@code FETCH FIRST}: once its statistics say most rows are
     * pending (a processor behind a burst), it costs the index above a table scan and sorts every pending
     * row on each call (benchmark 1's profile; {@code PendingQueryPlanTest}). For the same reason the bytes
     * kept by the log are read by a second query, not a join (Derby sorts a join's result).
     */
    static final String PENDING = "SELECT id, activity_id, activity_type, actor_uri, body, audit_seq, attempts "
            + "FROM inbox_activities --DERBY-PROPERTIES index=INBOX_PENDING\n"
            + "WHERE state = 'pending' ORDER BY state, id FETCH FIRST ? ROWS ONLY";

    /** The oldest activities still waiting for their handler. */
    public List<StoredActivity> pending(int max) {
        return pending(max, Set.of());
    }

    /**
     * The oldest {@code max} activities still waiting for their handler, leaving out {@code skip} (handled,
     * their outcome not stored yet): those rows are read past, and their bytes are not fetched.
     */
    public List<StoredActivity> pending(int max, Set<Long> skip) {
        return database.inTransaction(connection -> {
            List<PendingRow> read = Jdbc.query(connection, PENDING, InboxActivityStore::map, max + skip.size());
            if (!read.isEmpty()) {
                loggedBodies.dropBefore(read.get(0).id());
            }
            List<PendingRow> rows = read.stream().filter(row -> !skip.contains(row.id())).limit(max).toList();
            Map<Long, byte[]> bodies = new HashMap<>();
            List<Long> toRead = new ArrayList<>();
            for (PendingRow row : rows) {
                if (row.body() != null) {
                    bodies.put(row.id(), row.body());
                } else if (row.logSequence() != null) {
                    byte[] held = loggedBodies.take(row.id());
                    if (held != null) {
                        bodies.put(row.id(), held);
                    } else {
                        toRead.add(row.logSequence());
                    }
                }
            }
            bodiesReadFromLog.add(toRead.size());
            Map<Long, byte[]> logged = readLoggedBodies(connection, toRead);
            List<StoredActivity> pending = new ArrayList<>(rows.size());
            for (PendingRow row : rows) {
                byte[] body = bodies.containsKey(row.id()) ? bodies.get(row.id()) : logged.get(row.logSequence());
                // Bytes pruned by retention before the activity was handled: an empty body, which fails it.
                pending.add(new StoredActivity(row.id(), row.activityId(), row.type(), row.actor(),
                        body == null ? new byte[0] : body, row.attempts()));
            }
            return pending;
        });
    }

    /** The raw bytes the compliance log keeps for these entries. */
    private static Map<Long, byte[]> readLoggedBodies(Connection connection, List<Long> sequences) throws SQLException {
        Map<Long, byte[]> bodies = new HashMap<>();
        if (sequences.isEmpty()) {
            return bodies;
        }
        String marks = String.join(",", Collections.nCopies(sequences.size(), "?"));
        Jdbc.query(connection, "SELECT seq, body FROM audit_entries WHERE seq IN (" + marks + ")", row -> {
            bodies.put(row.getLong(1), row.getBytes(2));
            return null;
        }, sequences.toArray());
        return bodies;
    }

    /** A pending row as stored: its own bytes, or the log entry that keeps them. */
    private record PendingRow(long id, URI activityId, String type, URI actor, byte[] body, Long logSequence,
            int attempts) {
    }

    /** What became of one processed activity: {@code done}, {@code failed}, or {@code pending} for a retry. */
    public record Outcome(long id, String state, String result) {
        public static Outcome done(long id, String result) {
            return new Outcome(id, "done", result);
        }

        public static Outcome failed(long id, String result) {
            return new Outcome(id, "failed", result);
        }

        public static Outcome retry(long id, String result) {
            return new Outcome(id, "pending", result);
        }
    }

    /**
     * Records the outcomes of a batch in one transaction (one durable commit instead of one per activity),
     * counting an attempt for each.
     */
    public void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        database.inTransactionVoid(connection -> {
            for (Outcome outcome : outcomes) {
                Jdbc.update(connection, "UPDATE inbox_activities SET state = ?, attempts = attempts + 1, result = ?, "
                        + "processed_at = ? WHERE id = ?", outcome.state(), trim(outcome.result()),
                        outcome.state().equals("pending") ? Jdbc.nullOf(java.sql.Types.TIMESTAMP) : clock.instant(),
                        outcome.id());
            }
        });
    }

    public long countPending() {
        return database.inTransaction(connection -> Jdbc.count(connection,
                "SELECT COUNT(*) FROM inbox_activities WHERE state = 'pending'"));
    }

    private static String trim(String value) {
        return value == null ? null : value.substring(0, Math.min(value.length(), MAX_RESULT_LENGTH));
    }

    private static PendingRow map(ResultSet row) throws SQLException {
        long stored = row.getLong("audit_seq");
        Long logSequence = row.wasNull() ? null : stored;
        return new PendingRow(row.getLong("id"), Jdbc.uri(row, "activity_id"), row.getString("activity_type"),
                Jdbc.uri(row, "actor_uri"), row.getBytes("body"), logSequence, row.getInt("attempts"));
    }
}
