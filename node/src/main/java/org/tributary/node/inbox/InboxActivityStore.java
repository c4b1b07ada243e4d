package org.tributary.node.inbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    /**
     * What the hand-off holds for the processor at most, as {@link InboxHandOff} counts it: some 600 activities
     * of a kilobyte, a third of a second of benchmark 1's burst; the processor is rarely further behind.
     */
    private static final long HAND_OFF_BYTES = 4L << 20;

    /**
     * A stored activity waiting for (or done with) its handler.
     *
     * @param parsed the activity as the inbox parsed it from {@code body}, when it was handed over in memory
     */
    public record StoredActivity(long id, URI activityId, String type, URI actor, byte[] body, int attempts,
            Optional<InboundActivity> parsed) {
    }

    private final Database database;
    private final Clock clock;
    private final InboxGroupCommit groupCommit;
    private final InboxHandOff handOff = new InboxHandOff(HAND_OFF_BYTES);
    /** Bodies {@link #pending} had to read back from the log: the hand-off's misses on a logged node. */
    private final LongAdder bodiesReadFromLog = new LongAdder();
    /** Pending rows {@link #pending} had to read back from the store, not taken from the hand-off. */
    private final LongAdder rowsReadBack = new LongAdder();

    public InboxActivityStore(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.groupCommit = new InboxGroupCommit(database, new InboxRows(ids), handOff);
    }

    /**
     * Where whoever stores activities hands them to {@link #pending}, which then need not read them back. The
     * group commit here uses it, and so does the compliance log's writer when it stores activities.
     */
    public InboxHandOff handOff() {
        return handOff;
    }

    /** How many bodies of logged activities were read back from the log since start, not taken from the hand-off. */
    public long bodiesReadFromLog() {
        return bodiesReadFromLog.sum();
    }

    /** How many pending rows were read back from the store since start, not taken from the hand-off. */
    public long rowsReadBack() {
        return rowsReadBack.sum();
    }

    /** Concurrent calls are committed together (see {@link InboxGroupCommit}); each returns once its row is durable. */
    @Override
    public boolean storeIfAbsent(InboundActivity activity, Instant receivedAt, URI verifiedKeyId) {
        return groupCommit.storeIfAbsent(activity, receivedAt, verifiedKeyId);
    }

    /**
     * The ids of the oldest pending activities, read from the {@code inbox_pending} index in its order and from
     * the index alone (it holds both columns). The index is named because Derby's optimizer ignores
     * {@code FETCH FIRST}: once its statistics say most rows are pending (a processor behind a burst), it costs
     * the index above a table scan and sorts every pending row on each call (benchmark 1's profile;
     * {@code PendingQueryPlanTest}).
     */
    static final String PENDING = "SELECT id FROM inbox_activities --DERBY-PROPERTIES index=INBOX_PENDING\n"
            + "WHERE state = 'pending' ORDER BY state, id FETCH FIRST ? ROWS ONLY";

    /** The oldest activities still waiting for their handler. */
    public List<StoredActivity> pending(int max) {
        return pending(max, Set.of());
    }

    /**
     * The oldest {@code max} activities still waiting for their handler, leaving out {@code skip} (handled,
     * their outcome not stored yet). Only ids are read for the rows left out and for those held in the
     * {@link InboxHandOff}; the others are read back whole, their bytes from the log if it keeps them.
     */
    public List<StoredActivity> pending(int max, Set<Long> skip) {
        return database.inTransaction(connection -> {
            List<Long> read = Jdbc.query(connection, PENDING, row -> row.getLong(1), max + skip.size());
            if (!read.isEmpty()) {
                handOff.dropBefore(read.get(0));
            }
            List<Long> ids = read.stream().filter(id -> !skip.contains(id)).limit(max).toList();
            Map<Long, StoredActivity> found = new HashMap<>();
            List<Long> toRead = new ArrayList<>();
            for (long id : ids) {
                StoredActivity held = handOff.take(id);
                if (held != null) {
                    found.put(id, held);
                } else {
                    toRead.add(id);
                }
            }
            rowsReadBack.add(toRead.size());
            found.putAll(readBack(connection, toRead));
            // A row gone since the index was read (another processor's outcome, retention) is left out.
            return ids.stream().map(found::get).filter(Objects::nonNull).toList();
        });
    }

    /**
     * Pending rows as stored. A row written while the compliance log was on holds neither the bytes nor the
     * activity's id, type and actor: the log entry it points at does, as the log records them (text cut to its
     * columns' width, a type given as a list left empty), and is read in the same statement. The processor goes
     * by the bytes, which it parses again; the id, type and actor serve its log lines.
     */
    static final String READ_BACK = "SELECT i.id, COALESCE(i.activity_id, e.activity_id) AS activity_id, "
            + "COALESCE(i.activity_type, e.activity_type) AS activity_type, "
            + "COALESCE(i.actor_uri, e.actor) AS actor_uri, i.body, e.body AS logged_body, i.audit_seq, i.attempts "
            + "FROM inbox_activities i LEFT OUTER JOIN audit_entries e ON e.seq = i.audit_seq "
            + "WHERE i.state = 'pending' AND i.id IN (%s)";

    private Map<Long, StoredActivity> readBack(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, StoredActivity> found = new HashMap<>();
        Jdbc.queryIn(connection, READ_BACK, ids, row -> {
            byte[] body = row.getBytes("body");
            if (body == null) {
                row.getLong("audit_seq");
                if (!row.wasNull()) {
                    bodiesReadFromLog.increment();
                }
                body = row.getBytes("logged_body");
            }
            // Bytes pruned by retention before the activity was handled: an empty body, which fails it.
            long id = row.getLong("id");
            found.put(id, new StoredActivity(id, uriOrNull(row.getString("activity_id")),
                    row.getString("activity_type"), uriOrNull(row.getString("actor_uri")),
                    body == null ? new byte[0] : body, row.getInt("attempts"), Optional.empty()));
            return null;
        });
        return found;
    }

    /**
     * Stored text as a URI, or null when it is none: the log cuts an id longer than its column, possibly inside
     * an escape. One such row must not fail the read of every row pending with it, again on every pass.
     */
    private static URI uriOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return URI.create(text);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
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

    /** Stores one kind of outcome for the rows of the IN list ({@code %s}; {@code PendingQueryPlanTest} checks its plan). */
    static final String RECORD = "UPDATE inbox_activities SET state = ?, attempts = attempts + 1, result = ?, "
            + "processed_at = ? WHERE id IN (%s)";

    /**
     * Records the outcomes of a batch in one transaction (one durable commit instead of one per activity),
     * counting an attempt for each. Outcomes alike (nearly all are "done: applied") are one statement: in
     * benchmark 1's profile the statement per activity cost more than its row.
     */
    public void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Map<OutcomeKind, List<Long>> alike = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            alike.computeIfAbsent(new OutcomeKind(outcome.state(), trim(outcome.result())), key -> new ArrayList<>())
                    .add(outcome.id());
        }
        Instant processedAt = clock.instant();
        database.inTransactionVoid(connection -> {
            for (Map.Entry<OutcomeKind, List<Long>> group : alike.entrySet()) {
                String state = group.getKey().state();
                Jdbc.updateIn(connection, RECORD, group.getValue(), state, group.getKey().result(),
                        state.equals("pending") ? Jdbc.nullOf(java.sql.Types.TIMESTAMP) : processedAt);
            }
        });
    }

    /** What outcomes that are stored by one statement share. */
    private record OutcomeKind(String state, String result) {
    }

    public long countPending() {
        return database.inTransaction(connection -> Jdbc.count(connection,
                "SELECT COUNT(*) FROM inbox_activities WHERE state = 'pending'"));
    }

    private static String trim(String value) {
        return value == null ? null : value.substring(0, Math.min(value.length(), MAX_RESULT_LENGTH));
    }
}
