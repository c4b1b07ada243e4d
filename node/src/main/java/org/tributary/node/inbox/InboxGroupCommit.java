package org.tributary.node.inbox;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.node.store.Database;
import org.tributary.node.store.GroupCommit;
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

    /** One activity to store. */
    private record Arrival(InboundActivity activity, Instant receivedAt, URI keyId) {
    }

    private final Database database;
    private final InboxRows rows;
    private final InboxHandOff handOff;
    private final GroupCommit<Arrival, Boolean> commits;
    private final AtomicLong batchesStored = new AtomicLong();

    InboxGroupCommit(Database database, InboxRows rows, InboxHandOff handOff) {
        this.database = database;
        this.rows = rows;
        this.handOff = handOff;
        this.commits = new GroupCommit<>(MAX_BATCH, this::store);
    }

    /** Stores the activity unless its id is known; true when this call stored it. */
    boolean storeIfAbsent(InboundActivity activity, Instant receivedAt, URI keyId) {
        return commits.submit(new Arrival(activity, receivedAt, keyId));
    }

    /** How many batches that stored a row have committed: counted after each commit, before its callers return. */
    long batchesStored() {
        return batchesStored.get();
    }

    private List<Boolean> store(List<Arrival> batch) {
        List<Boolean> stored = storeInOneTransaction(batch);
        if (stored.contains(true)) {
            batchesStored.incrementAndGet();
        }
        return stored;
    }

    private List<Boolean> storeInOneTransaction(List<Arrival> batch) {
        try {
            return database.inTransaction(connection -> {
                List<Boolean> stored = new ArrayList<>(batch.size());
                for (Arrival arrival : batch) { // a copy earlier in this batch is already visible here
                    OptionalLong row = rows.insertIfAbsent(connection, arrival.activity(), arrival.receivedAt(),
                            arrival.keyId());
                    row.ifPresent(id -> handOff.offerInTransaction(database, connection, id, arrival.activity(),
                            arrival.activity().raw()));
                    stored.add(row.isPresent());
                }
                return stored;
            });
        } catch (StoreException e) {
            if (batch.size() == 1 && e.isDuplicateKey()) {
                return List.of(false); // a copy stored concurrently won the race: not stored by this call
            }
            throw e;
        }
    }
}
