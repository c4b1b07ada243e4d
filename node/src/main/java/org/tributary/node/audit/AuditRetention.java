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
    private final Database database;
    private final AuditLogStore store;
    private final AuditSettings settings;
    private final Clock clock;

    public AuditRetention(Database database, AuditLogStore store, AuditSettings settings, Clock clock) {
        this.database = database;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Prunes now; returns how many bodies were removed. */
    public int prune() {
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            int pruned = 0;
            for (String kind : store.kinds(connection)) {
                pruned += store.pruneBodies(connection, Optional.of(kind), now.minus(settings.retentionOf(kind)), now);
            }
            return pruned;
        });
    }
}
