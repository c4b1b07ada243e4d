package org.tributary.node.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.tributary.node.store.Database;
import org.tributary.node.store.Jdbc;
import org.tributary.node.store.StoreException;

/**
 * The inbox of a node that logs federation traffic, as a view over the compliance log (V105): the entry that
 * accepted an activity ({@code inbox.accepted}) is its only row, and what is pending is every such entry
 * after a mark, {@code logged_inbox_progress.handled_through}, plus the retries in
 * {@code logged_inbox_outcomes}. Recording a batch moves the mark and stores only the outcomes that are not
 * "done at the first attempt": retries, failures, and the outcome of an activity retried before. Before, each
 * activity had an inbox row beside its entry (three index entries) and an {@code UPDATE} of that row when
 * handled, which moved its pending index entry. Why an activity was ignored is no longer stored (the processor
 * logs it at FINE): a row per ignored activity would cost what the view saves, and benchmark 1's notes, which
 * nobody here follows, are all ignored.
 *
 * <p>The mark may move past an entry only once the entry's outcome is stored. The processor reads in sequence
 * order, and one recorder stores the outcomes of its reads in that order, each read's outcomes with the mark
 * it reached; the log numbers its entries without gaps and commits them in order, one writer at a time, and
 * a read (read committed, with locks) waits for an entry being written rather than passing it, so an entry
 * below one the processor has read is committed.
 */
public final class LoggedInboxQueue implements InboxQueue {
    private static final String ACCEPTED = "inbox.accepted";

    static final String MARK = "SELECT handled_through FROM logged_inbox_progress WHERE id = 1";
    /**
     * The next entries, by key: sequence numbers have no gaps, so the next {@code n} entries after the mark are
     * the range (mark, mark + n], a bounded read of the primary key in order however long the log (Derby's
     * optimizer ignores {@code FETCH FIRST}, so the bound is in the range itself; {@code PendingQueryPlanTest}).
     */
    static final String NEXT = "SELECT seq, kind FROM audit_entries WHERE seq BETWEEN ? AND ? ORDER BY seq";
    static final String RETRIES = "SELECT audit_seq, attempts FROM logged_inbox_outcomes "
            + "--DERBY-PROPERTIES index=LOGGED_INBOX_OUTCOMES_PENDING\n"
            + "WHERE state = 'pending' ORDER BY state, audit_seq FETCH FIRST ? ROWS ONLY";
    /** Entries read back whole: not held in memory (a restart, a retry, a full hand-off). */
    static final String READ_BACK = "SELECT seq, activity_id, activity_type, actor, body FROM audit_entries "
            + "WHERE seq IN (%s)";
    private static final String MOVE_MARK = "UPDATE logged_inbox_progress SET handled_through = ? "
            + "WHERE id = 1 AND handled_through < ?";
    private static final String UPDATE_OUTCOME = "UPDATE logged_inbox_outcomes SET state = ?, attempts = ?, "
            + "result = ?, processed_at = ? WHERE audit_seq = ?";
    private static final String INSERT_OUTCOME = "INSERT INTO logged_inbox_outcomes (state, attempts, result, "
            + "processed_at, audit_seq) VALUES (?,?,?,?,?)";

    /** One entry of the log as the processor reads past it. */
    private record Entry(long seq, boolean accepted) {
    }

    private final Database database;
    private final Clock clock;
    private final InboxHandOff handOff;
    private final LongAdder rowsReadBack = new LongAdder();
    /**
     * The last entry {@link #pending} went through, ahead of the stored mark until its outcomes are recorded;
     * after a restart the mark alone says where to go on. Read and written by the processor's thread only.
     */
    private volatile long readThrough = -1;
    /**
     * Whether a read succeeded since start. The stored mark moves only to where this queue's reads went (the
     * recorder stores what they read), so from then on {@link #readThrough} is never behind it, and the mark,
     * one lookup per pass, is read only until then.
     */
    private volatile boolean readBefore;
    /** Where the last read started: the entry after the mark or after the read before it. */
    private volatile long readFrom;
    /**
     * The furthest entry any read took from the hand-off through. Behind it ({@link #stoppedAt} moved back, or a
     * read failed after taking) the hand-off no longer holds nor remembers what was taken, so those entries are
     * read from the log again.
     */
    private volatile long furthestRead = -1;
    /** Retries stored so far, counted after each commit that stored one. */
    private final AtomicLong retriesRecorded = new AtomicLong();
    /** The count of {@link #retriesRecorded} at which a read found no retry waiting; -1 before. */
    private volatile long noRetriesAsOf = -1;
    private final LongAdder readLogged = new LongAdder();

    public LoggedInboxQueue(Database database, Clock clock) {
        this(database, clock, InboxHandOff.QUEUE_BYTES);
    }

    /** @param handOffBytes what the hand-off holds at most (see {@link InboxHandOff#QUEUE_BYTES}) */
    LoggedInboxQueue(Database database, Clock clock, long handOffBytes) {
        this.database = database;
        this.clock = clock;
        this.handOff = new InboxHandOff(handOffBytes);
    }

    /** Where the log's writer hands accepted activities over, keyed by their entries' sequence numbers. */
    public InboxHandOff handOff() {
        return handOff;
    }

    /** How many reads went to the log for the entries' kinds since start, not to the hand-off (for tests). */
    long readsOfTheLog() {
        return readLogged.sum();
    }

    /** How many pending entries were read back from the log since start, not taken from the hand-off. */
    public long rowsReadBack() {
        return rowsReadBack.sum();
    }

    /**
     * The retries first (they are older), then the accepted entries after the mark or after the last entry
     * read, whichever is later: what was read before and not recorded yet is on its way to the recorder, which
     * stores it before anything read now. The entries in flight ({@code skip}) are left out all the same.
     *
     * <p>Once a read succeeded, and while no retry waits, which entries accepted an activity is known from the
     * hand-off ({@link InboxHandOff#acceptedFrom}), which the log's writer tells of every activity it accepts:
     * the log is then read only for activities not held. In benchmark 1's profile the read of the entries'
     * kinds, a transaction on every pass, was ~5 % of the node's CPU.
     */
    @Override
    public Pending pending(int max, Set<Long> skip) {
        if (readBefore && readThrough == furthestRead && retriesRecorded.get() == noRetriesAsOf) {
            long from = readThrough + 1;
            Optional<InboxHandOff.Accepted> known = handOff.acceptedFrom(from, max);
            if (known.isPresent()) {
                return pendingKnown(from, max, known.get(), skip);
            }
        }
        long[] reach = new long[2]; // where the read started, and how far it went
        long retriesAsOf = retriesRecorded.get();
        boolean[] noRetries = new boolean[1];
        Pending pending = database.inTransaction(connection -> {
            long from = (readBefore ? readThrough : Math.max(mark(connection), readThrough)) + 1;
            handOff.dropBefore(from);
            List<StoredActivity> retries = retries(connection, max, skip, noRetries);
            int wanted = max - retries.size();
            List<Long> next = new ArrayList<>(wanted);
            long through = from - 1;
            if (wanted > 0) {
                for (Entry entry : Jdbc.query(connection, NEXT, row -> new Entry(row.getLong(1),
                        ACCEPTED.equals(row.getString(2))), from, from + wanted - 1)) {
                    if (entry.accepted() && !skip.contains(entry.seq())) {
                        next.add(entry.seq());
                    }
                    through = entry.seq();
                }
            }
            reach[0] = from;
            reach[1] = through;
            takingThrough(through);
            List<StoredActivity> activities = new ArrayList<>(retries);
            activities.addAll(handOff.takeOrReadBack(next, toRead -> readBack(connection, toRead, Map.of()),
                    rowsReadBack));
            return new Pending(activities, through, through == from + wanted - 1 || retries.size() == max);
        });
        // Only once the read succeeded: a read that failed half-way must not leave entries behind it unread.
        readLogged.increment();
        if (noRetries[0]) {
            noRetriesAsOf = retriesAsOf;
        }
        movedTo(reach[0], reach[1]);
        return pending;
    }

    /** A read of what the hand-off knows: the log is read only for activities not held. */
    private Pending pendingKnown(long from, int max, InboxHandOff.Accepted known, Set<Long> skip) {
        handOff.dropBefore(from);
        List<Long> next = known.accepted().stream().filter(seq -> !skip.contains(seq)).toList();
        List<StoredActivity> activities;
        takingThrough(known.through());
        try {
            activities = handOff.takeOrReadBack(next, toRead -> database.inTransaction(
                    connection -> readBack(connection, toRead, Map.of())), rowsReadBack);
        } catch (SQLException e) { // not thrown: the transaction reports a failure as a StoreException
            throw new StoreException(e);
        }
        movedTo(from, known.through());
        return new Pending(activities, known.through(), known.through() == from + max - 1);
    }

    /**
     * Called before a read takes what the hand-off holds through {@code through}: should the read fail after
     * that, the next one reads those entries from the log.
     */
    private void takingThrough(long through) {
        furthestRead = Math.max(furthestRead, through);
    }

    private void movedTo(long from, long through) {
        readFrom = from;
        readThrough = through;
        readBefore = true;
    }

    /**
     * A read handled only in part goes as far as the last entry handled after the mark: retries come first and
     * lie before it, the entries after it come in sequence order. The next read goes on from there.
     */
    @Override
    public long stoppedAt(Pending read, int handled) {
        long through = readFrom - 1;
        for (StoredActivity activity : read.activities().subList(0, handled)) {
            if (activity.id() >= readFrom) {
                through = activity.id();
            }
        }
        readThrough = through;
        return through;
    }

    private static long mark(Connection connection) throws SQLException {
        return Jdbc.queryOne(connection, MARK, row -> row.getLong(1))
                .orElseThrow(() -> new IllegalStateException("logged_inbox_progress has no row (V105)"));
    }

    /**
     * Activities whose handler asked to run again, oldest first; they lie before the mark. {@code none} is set
     * when there is no retry at all, in flight or not.
     */
    private List<StoredActivity> retries(Connection connection, int max, Set<Long> skip, boolean[] none)
            throws SQLException {
        Map<Long, Integer> attempts = new HashMap<>();
        List<Long> order = new ArrayList<>();
        List<long[]> waiting = Jdbc.query(connection, RETRIES, row -> new long[] {row.getLong(1), row.getInt(2)},
                max + skip.size());
        none[0] = waiting.isEmpty();
        for (long[] retry : waiting) {
            if (!skip.contains(retry[0]) && order.size() < max) {
                order.add(retry[0]);
                attempts.put(retry[0], (int) retry[1]);
            }
        }
        Map<Long, StoredActivity> read = readBack(connection, order, attempts);
        return order.stream().map(read::get).filter(Objects::nonNull).toList();
    }

    /**
     * Entries as logged: the id, type and actor as the log records them (cut to its columns' width), the bytes
     * unless retention pruned them (an empty body, which fails the activity), with the {@code attempts} made
     * before (none where not given). The processor goes by the bytes.
     */
    private Map<Long, StoredActivity> readBack(Connection connection, List<Long> sequences,
            Map<Long, Integer> attempts) throws SQLException {
        Map<Long, StoredActivity> found = new HashMap<>();
        Jdbc.queryIn(connection, READ_BACK, sequences, row -> {
            long seq = row.getLong("seq");
            byte[] body = row.getBytes("body");
            found.put(seq, new StoredActivity(seq, StoredActivity.uriOrNull(row.getString("activity_id")),
                    row.getString("activity_type"), StoredActivity.uriOrNull(row.getString("actor")),
                    body == null ? new byte[0] : body, attempts.getOrDefault(seq, 0), Optional.empty()));
            return null;
        });
        return found;
    }

    /**
     * Moves the mark to {@code through} and stores the outcomes other than "done at the first attempt", in one
     * transaction. An activity retried before has a row already, which its outcome replaces.
     */
    @Override
    public void record(List<ActivityOutcome> outcomes, long through) {
        Instant processedAt = clock.instant();
        database.inTransactionVoid(connection -> {
            for (ActivityOutcome outcome : outcomes) {
                if (!outcome.isDoneAtOnce()) {
                    store(connection, outcome, processedAt);
                }
            }
            Jdbc.update(connection, MOVE_MARK, through, through);
        });
        if (outcomes.stream().anyMatch(outcome -> outcome.state().equals("pending"))) {
            retriesRecorded.incrementAndGet(); // after the commit: a read that began before it looks again
        }
    }

    private static void store(Connection connection, ActivityOutcome outcome, Instant processedAt)
            throws SQLException {
        Object[] values = {outcome.state(), outcome.attempts(), outcome.storedResult(),
            outcome.state().equals("pending") ? Jdbc.nullOf(Types.TIMESTAMP) : processedAt, outcome.id()};
        if (Jdbc.update(connection, UPDATE_OUTCOME, values) == 0) {
            Jdbc.update(connection, INSERT_OUTCOME, values);
        }
    }

    @Override
    public long countPending() {
        return database.inTransaction(connection -> Jdbc.count(connection,
                "SELECT COUNT(*) FROM audit_entries WHERE seq > ? AND kind = ?", mark(connection), ACCEPTED)
                + Jdbc.count(connection, "SELECT COUNT(*) FROM logged_inbox_outcomes WHERE state = 'pending'"));
    }
}
