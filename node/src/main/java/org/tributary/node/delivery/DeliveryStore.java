package org.tributary.node.delivery;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.federation.spi.DeliveryQueue;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Jdbc;

/**
 * The durable outbound queue in the {@code deliveries} table. Services enqueue in their own
 * transaction (the post and its deliveries commit together); the delivery worker claims due rows.
 *
 * <p>A claim is held in memory, not written: the row stays {@code queued} until its outcome is stored.
 * Writing the claim cost a durable commit on every post's way to its followers, and it bought nothing a
 * crash needs: after a restart every {@code queued} row is due again, which is what re-queueing rows left
 * {@code sending} used to do. Only this process opens the store (the data directory is locked), so the
 * memory of one store object is the whole truth about what is in flight.
 */
public final class DeliveryStore implements DeliveryQueue {
    private static final String COLUMNS = "id, activity_id, inbox_uri, body, signing_key_id, attempts, next_attempt_at";
    private static final int MAX_ERROR_LENGTH = 500;

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final Set<Long> claimed = ConcurrentHashMap.newKeySet();

    public DeliveryStore(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    /** Enqueues inside the caller's transaction. */
    public List<DeliveryJob> enqueue(Connection connection, List<DeliveryJob> jobs) throws SQLException {
        List<DeliveryJob> saved = new ArrayList<>(jobs.size());
        for (DeliveryJob job : jobs) {
            DeliveryJob withId = job.withId(ids.next());
            Jdbc.update(connection, "INSERT INTO deliveries (" + COLUMNS + ", state, updated_at) "
                    + "VALUES (?,?,?,?,?,?,?,'queued',?)", withId.id(), withId.activityId(), withId.inbox(),
                    withId.body(), withId.signingKeyId(), withId.attempts(), withId.nextAttemptAt(), clock.instant());
            saved.add(withId);
        }
        return saved;
    }

    @Override
    public List<DeliveryJob> enqueue(List<DeliveryJob> jobs) {
        return database.inTransaction(connection -> enqueue(connection, jobs));
    }

    @Override
    public List<DeliveryJob> claimDue(Instant now, int max) {
        // Taken before the read: a job whose outcome is stored after this is skipped all the same, and one
        // stored before it is no longer due in what the read returns. (Asking the live set instead let a job
        // read as queued just before its outcome committed be claimed, and sent, a second time.)
        Set<Long> inFlight = Set.copyOf(claimed);
        // Rows in flight are still queued, so up to that many more are read and the in-flight ones skipped.
        List<DeliveryJob> due = database.inTransaction(connection -> Jdbc.query(connection, "SELECT " + COLUMNS
                // The index is named for the reason given at InboxActivityStore.PENDING: with statistics saying
                // most rows are queued, Derby would otherwise scan the table and sort it for every claim.
                + " FROM deliveries --DERBY-PROPERTIES index=DELIVERIES_DUE\nWHERE state = 'queued' "
                + "AND next_attempt_at <= ? ORDER BY state, next_attempt_at FETCH FIRST " + (max + inFlight.size())
                + " ROWS ONLY", DeliveryStore::map, now));
        List<DeliveryJob> taken = new ArrayList<>(Math.min(max, due.size()));
        for (DeliveryJob job : due) {
            if (taken.size() < max && !inFlight.contains(job.id()) && claimed.add(job.id())) {
                taken.add(job);
            }
        }
        return taken;
    }

    // The job arrives with its attempts already counted (DeliveryJob.afterAttempt): the row keeps that count
    // as given, so the backoff schedule sees each attempt once.
    @Override
    public void markDelivered(DeliveryJob job) {
        setState(job, "delivered", job.attempts(), job.nextAttemptAt(), null);
    }

    @Override
    public void reschedule(DeliveryJob job, Instant nextAttemptAt, String lastError) {
        setState(job, "queued", job.attempts(), nextAttemptAt, lastError);
    }

    @Override
    public void deadLetter(DeliveryJob job, String lastError) {
        setState(job, "dead", job.attempts(), job.nextAttemptAt(), lastError);
    }

    /** Counts rows per state, e.g. for the admin view and tests. */
    public long count(String state) {
        return database.inTransaction(connection -> Jdbc.count(connection,
                "SELECT COUNT(*) FROM deliveries WHERE state = ?", state));
    }

    /** Dead-lettered deliveries, most recently failed first. */
    public List<DeadDelivery> dead(int limit) {
        return database.inTransaction(connection -> Jdbc.query(connection, "SELECT id, activity_id, inbox_uri, "
                + "attempts, last_error, updated_at FROM deliveries WHERE state = 'dead' ORDER BY updated_at DESC, "
                + "id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                row -> new DeadDelivery(row.getLong("id"), Jdbc.uri(row, "activity_id"), Jdbc.uri(row, "inbox_uri"),
                        row.getInt("attempts"), row.getString("last_error"), Jdbc.instant(row, "updated_at"))));
    }

    /**
     * Puts a dead delivery back in the queue, due now, with a fresh attempt count so it gets the whole
     * backoff again. Returns whether there was such a dead delivery.
     */
    public boolean retryDead(long id) {
        Instant now = clock.instant();
        return database.inTransaction(connection -> Jdbc.update(connection, "UPDATE deliveries SET state = 'queued', "
                + "attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'dead'", now, now,
                id) == 1);
    }

    // The claim is released only once the outcome is committed, so a claim running meanwhile either sees the
    // row still claimed or sees its new state, never a queued row that is already being sent.
    private void setState(DeliveryJob job, String state, int attempts, Instant next, String error) {
        String trimmed = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR_LENGTH));
        try {
            database.inTransactionVoid(connection -> Jdbc.update(connection, "UPDATE deliveries SET state = ?, "
                    + "attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?", state, attempts,
                    next, trimmed, clock.instant(), job.id()));
        } finally {
            claimed.remove(job.id());
        }
    }

    private static DeliveryJob map(ResultSet row) throws SQLException {
        return new DeliveryJob(row.getLong("id"), Jdbc.uri(row, "activity_id"), Jdbc.uri(row, "inbox_uri"),
                row.getBytes("body"), Jdbc.uri(row, "signing_key_id"), row.getInt("attempts"),
                Jdbc.instant(row, "next_attempt_at"));
    }
}
