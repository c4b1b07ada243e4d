package org.tributary.node.audit;

import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tributary.node.store.Database;

/**
 * Keeps {@code audit_entry_keys} up with the log: the keys that searches go by (time, peer, kind) of the committed
 * entries, copied a range at a time by a thread of its own instead of indexed in the transaction of the log's one
 * writer, through which every accepted activity passes (V106). The table stays a prefix of the log: each copy is
 * one transaction over a range of committed entries, from where the table ends. Searches read the entries not
 * keyed yet from the log itself ({@link AuditLogStore}), so the lag costs them a short scan, never an entry.
 */
public final class AuditKeyIndexer {
    private static final Logger LOG = Logger.getLogger(AuditKeyIndexer.class.getName());
    /** Entries copied per transaction, so that catching up after a restart never holds one for long. */
    static final int RANGE = 5_000;

    private final Database database;
    private final AuditEntryKeys keys;
    private final LongSupplier committedSize;
    private final int range;
    private long caughtUpWith = -1; // the committed size the last pass reached; guarded by this

    /**
     * @param committedSize how many entries the log has committed ({@code AuditLog.state().size()}): never copy
     *                      past it, or an entry committed later would fall behind the end of the table
     */
    public AuditKeyIndexer(Database database, AuditEntryKeys keys, LongSupplier committedSize) {
        this(database, keys, committedSize, RANGE);
    }

    /** With {@code range} entries per transaction (for tests). */
    AuditKeyIndexer(Database database, AuditEntryKeys keys, LongSupplier committedSize, int range) {
        this.database = database;
        this.keys = keys;
        this.committedSize = committedSize;
        this.range = range;
    }

    /** Copies the keys of the entries committed so far that have none yet; returns how many were copied. */
    public synchronized long catchUp() {
        long target = committedSize.getAsLong();
        if (target == caughtUpWith) {
            return 0; // an idle log: no transaction ten times a second
        }
        long from = database.inTransaction(keys::keyedUpTo);
        long copied = 0;
        while (from < target) {
            long start = from;
            long end = Math.min(target, from + range);
            int count = database.inTransaction(connection -> keys.copyKeys(connection, start, end));
            if (count < end - start) {
                // Past the hole, so that the entries after it are still keyed; audit verify names the first missing.
                LOG.log(Level.WARNING, "{0} of the entries {1} to {2} are missing from the federation log; run audit "
                        + "verify", new Object[] {end - start - count, start, end - 1});
            }
            copied += count;
            from = end;
        }
        caughtUpWith = target;
        return copied;
    }
}
