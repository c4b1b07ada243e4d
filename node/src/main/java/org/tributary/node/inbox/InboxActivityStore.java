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
public final class InboxActivityStore implements InboxStore, InboxQueue {

    private final Database database;
    private final Clock clock;
    private final InboxGroupCommit groupCommit;
    private final InboxHandOff handOff = new InboxHandOff(InboxHandOff.QUEUE_BYTES);
    /** Bodies {@link #pending} had to read back from the log: the hand-off's misses on a logged node. */
    private final LongAdder bodiesReadFromLog = new LongAdder();
    /** Pending rows {@link #pending} had to read back from the store, not taken from the hand-off. */
    private final LongAdder rowsReadBack = new LongAdder();
    /** The count of the group commit's stored batches at which a read found no row pending; -1 before. */
    private volatile long nonePendingAsOf = -1;
    private final LongAdder readsOfTheStore = new LongAdder();

    public InboxActivityStore(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.groupCommit = new InboxGroupCommit(database, new InboxRows(ids), handOff);
    }

    /**
     * Where the group commit here hands the activities it stores to {@link #pending}, which then need not read
     * them back. (A node with the compliance log hands its activities to {@link LoggedInboxQueue#handOff()}.)
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
        return pending(max, Set.of()).activities();
    }

    /**
     * The oldest {@code max} activities still waiting for their handler, leaving out {@code skip} (handled,
     * their outcome not stored yet). Only ids are read for the rows left out and for those held in the
     * {@link InboxHandOff}; the others are read back whole, their bytes from the log if it keeps them.
     */
    @Override
    public Pending pending(int max, Set<Long> skip) {
        // Rows become pending only by being stored here: once a read found none and nothing was stored since,
        // there is none. A node with the compliance log stores nothing here, and read its empty queue on every
        // pass (~2 % of its CPU under benchmark 1).
        long storedAsOf = groupCommit.batchesStored();
        if (storedAsOf == nonePendingAsOf) {
            return new Pending(List.of(), -1, false);
        }
        boolean[] nonePending = new boolean[1];
        List<StoredActivity> activities = database.inTransaction(connection -> {
            List<Long> read = Jdbc.query(connection, PENDING, row -> row.getLong(1), max + skip.size());
            nonePending[0] = read.isEmpty();
            if (!read.isEmpty()) {
                handOff.dropBefore(read.get(0));
            }
            List<Long> ids = read.stream().filter(id -> !skip.contains(id)).limit(max).toList();
            // A row gone since the index was read (another processor's outcome, retention) is left out.
            return handOff.takeOrReadBack(ids, toRead -> readBack(connection, toRead), rowsReadBack);
        });
        readsOfTheStore.increment();
        if (nonePending[0]) {
            nonePendingAsOf = storedAsOf; // a batch committed since the count was taken counts one more
        }
        return new Pending(activities, -1, activities.size() == max);
    }

    /** How many reads of the pending rows went to the store since start (for tests). */
    long readsOfTheStore() {
        return readsOfTheStore.sum();
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
            found.put(id, new StoredActivity(id, StoredActivity.uriOrNull(row.getString("activity_id")),
                    row.getString("activity_type"), StoredActivity.uriOrNull(row.getString("actor_uri")),
                    body == null ? new byte[0] : body, row.getInt("attempts"), Optional.empty()));
            return null;
        });
        return found;
    }

    /** Stores one kind of outcome for the rows of the IN list ({@code %s}; {@code PendingQueryPlanTest} checks its plan). */
    static final String RECORD = "UPDATE inbox_activities SET state = ?, attempts = attempts + 1, result = ?, "
            + "processed_at = ? WHERE id IN (%s)";

    /**
     * Records the outcomes of a batch in one transaction (one durable commit instead of one per activity),
     * counting an attempt for each; the rows hold the queue's state, so {@code through} adds nothing. Outcomes
     * alike (nearly all are "done: applied") are one statement: in
     * benchmark 1's profile the statement per activity cost more than its row.
     */
    @Override
    public void record(List<ActivityOutcome> outcomes, long through) {
        if (outcomes.isEmpty()) {
            return;
        }
        Map<OutcomeKind, List<Long>> alike = new LinkedHashMap<>();
        for (ActivityOutcome outcome : outcomes) {
            alike.computeIfAbsent(new OutcomeKind(outcome.state(), outcome.storedResult()), key -> new ArrayList<>())
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

    @Override
    public long countPending() {
        return database.inTransaction(connection -> Jdbc.count(connection,
                "SELECT COUNT(*) FROM inbox_activities WHERE state = 'pending'"));
    }
}
