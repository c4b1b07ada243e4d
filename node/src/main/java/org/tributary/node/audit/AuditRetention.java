package org.tributary.node.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.tributary.node.store.Database;

/**
 * Prunes raw bodies past their retention, kind by kind. Only the {@code body} column is cleared: the leaf
 * fields, the digests and the tree stay, so every checkpoint and proof still verifies, and the digest still
 * identifies the message that was exchanged.
 */
public final class AuditRetention {
    /**
     * Entries looked at per transaction: a transaction that locked more rows of a table (Derby's threshold is
     * 5,000) would lock the whole table, and the log's writer, through which all intake passes, would wait for it.
     */
    static final int CHUNK = 2_000;

    private final Database database;
    private final AuditLogStore store;
    private final AuditEntryKeys keys;
    private final AuditSettings settings;
    private final Clock clock;
    private final int chunk;

    public AuditRetention(Database database, AuditLogStore store, AuditEntryKeys keys, AuditSettings settings,
            Clock clock) {
        this(database, store, keys, settings, clock, CHUNK);
    }

    /** With {@code chunk} entries per transaction (for tests). */
    AuditRetention(Database database, AuditLogStore store, AuditEntryKeys keys, AuditSettings settings, Clock clock,
            int chunk) {
        this.database = database;
        this.store = store;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.chunk = chunk;
    }

    /**
     * Prunes now; returns how many bodies were removed. For each kind, the keyed entries old enough are found
     * through the keys' index ({@code audit_entry_keys}) as a run of sequence numbers (entries are appended in time
     * order, nearly), which is read in chunks, each a transaction; then the entries not keyed yet.
     */
    public int prune() {
        Instant now = clock.instant();
        int pruned = 0;
        for (String kind : database.inTransaction(store::kinds)) {
            Instant before = now.minus(settings.retentionOf(kind));
            long keyed = database.inTransaction(keys::keyedUpTo);
            Optional<AuditEntryKeys.SequenceRange> old = database.inTransaction(connection ->
                    keys.keyedOlderThan(connection, kind, before));
            if (old.isPresent()) {
                for (long from = old.get().first(); from <= old.get().last(); from += chunk) {
                    long start = from;
                    long end = Math.min(from + chunk, old.get().last() + 1);
                    pruned += database.inTransaction(connection -> store.pruneBodies(connection, kind, before, now,
                            start, end));
                }
            }
            pruned += database.inTransaction(connection -> store.pruneBodies(connection, kind, before, now, keyed,
                    Long.MAX_VALUE));
        }
        return pruned;
    }
}
