package org.tributary.node.inbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.node.store.Database;
import org.tributary.node.store.StoreException;

/**
 * Group commit for the durable inbox: concurrent {@code storeIfAbsent} calls share one transaction, so
 * one durable commit (one log sync) covers every activity that arrived while the previous batch was
 * committing. No linger: a caller that finds the writer free commits at once, alone if need be.
 * Each caller still returns only after its own row is committed, so a 202 still means "durably stored".
 *
 * <p>Why: benchmark 1 (bench module) showed the inbox spending its time on one Derby transaction per
 * activity (connection, statements, commit, and threads queued on the log flush).
 */
final class InboxGroupCommit {
    private static final int MAX_BATCH = 128;

    /** One activity waiting to be stored, and what became of it. */
    private static final class Pending {
        final InboundActivity activity;
        final Instant receivedAt;
        final URI keyId;
        volatile boolean done;
        volatile boolean stored;
        volatile RuntimeException failure;

        Pending(InboundActivity activity, Instant receivedAt, URI keyId) {
            this.activity = activity;
            this.receivedAt = receivedAt;
            this.keyId = keyId;
        }
    }

    private final Database database;
    private final InboxRows rows;
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    InboxGroupCommit(Database database, InboxRows rows) {
        this.database = database;
        this.rows = rows;
    }

    /** Stores the activity unless its id is known; true when this call stored it. */
    boolean storeIfAbsent(InboundActivity activity, Instant receivedAt, URI keyId) {
        Pending mine = new Pending(activity, receivedAt, keyId);
        waiting.add(mine);
        while (!mine.done) {
            writer.lock(); // while we wait here, the current batch commits and more callers queue up
            try {
                if (!mine.done) {
                    commit(drain());
                }
            } finally {
                writer.unlock();
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.stored;
    }

    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void commit(List<Pending> batch) {
        try {
            List<Boolean> results = database.inTransaction(connection -> {
                List<Boolean> stored = new ArrayList<>(batch.size());
                for (Pending pending : batch) { // a copy earlier in this batch is already visible here
                    stored.add(insertIfAbsent(connection, pending));
                }
                return stored;
            });
            for (int i = 0; i < batch.size(); i++) {
                finish(batch.get(i), results.get(i), null);
            }
        } catch (StoreException batchFailed) {
            // One bad row must not fail its neighbours: store each on its own, as without batching.
            for (Pending pending : batch) {
                try {
                    finish(pending, database.inTransaction(connection -> insertIfAbsent(connection, pending)), null);
                } catch (StoreException e) {
                    finish(pending, false, e.isDuplicateKey() ? null : e); // a duplicate lost a race: not stored
                }
            }
        }
    }

    private boolean insertIfAbsent(Connection connection, Pending pending) throws SQLException {
        return rows.insertIfAbsent(connection, pending.activity, pending.receivedAt, pending.keyId);
    }

    private static void finish(Pending pending, boolean stored, RuntimeException failure) {
        pending.stored = stored;
        pending.failure = failure;
        pending.done = true;
    }
}
