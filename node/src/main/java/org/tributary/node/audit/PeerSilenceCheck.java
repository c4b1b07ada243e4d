package org.tributary.node.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.node.store.Database;

/**
 * The "stopped" alarm: a peer whose log must have grown (it exchanged a message with us after its last
 * checkpoint) but that has published no newer checkpoint for longer than the allowed silence. A peer that
 * is idle is not expected to sign, so silence alone is no alarm. Raised once per last checkpoint.
 */
public final class PeerSilenceCheck {
    private final Database database;
    private final AuditLogStore entries;
    private final WitnessStore witnessed;
    private final AuditTrail trail;
    private final Duration maxSilence;
    private final Clock clock;

    public PeerSilenceCheck(Database database, AuditLogStore entries, WitnessStore witnessed, AuditTrail trail,
            Duration maxSilence, Clock clock) {
        this.database = database;
        this.entries = entries;
        this.witnessed = witnessed;
        this.trail = trail;
        this.maxSilence = maxSilence;
        this.clock = clock;
    }

    /** Checks every witnessed peer; returns the peers newly found stopped. */
    public List<String> run() {
        Instant now = clock.instant();
        List<String> stopped = new ArrayList<>();
        for (WitnessStore.Witnessed last : database.inTransaction(witnessed::latestPerPeer)) {
            Instant covered = last.checkpoint().checkpoint().timestamp();
            Optional<Instant> firstUncovered = database.inTransaction(connection -> entries.earliestAfter(connection,
                    last.peer(), covered, List.of(AuditKinds.INBOX_ACCEPTED, AuditKinds.DELIVERY_ATTEMPT),
                    "%/audit/checkpoints/%"));
            if (firstUncovered.isEmpty() || Duration.between(firstUncovered.get(), now).compareTo(maxSilence) <= 0) {
                continue;
            }
            boolean raised = database.inTransaction(connection -> {
                if (witnessed.alertedSince(connection, last.peer(), "stopped", last.receivedAt())) {
                    return false;
                }
                witnessed.raise(connection, last.peer(), "stopped", "no checkpoint from " + last.peer() + " covers "
                        + "its traffic since " + firstUncovered.get() + "; its last covers size "
                        + last.checkpoint().checkpoint().treeSize() + " at " + covered, now, null);
                return true;
            });
            if (raised) {
                trail.record(AuditRecord.of(now, AuditDirection.LOCAL, AuditKinds.AUDIT_ALERT).withPeer(last.peer())
                        .withResult("stopped"));
                stopped.add(last.peer());
            }
        }
        return stopped;
    }
}
