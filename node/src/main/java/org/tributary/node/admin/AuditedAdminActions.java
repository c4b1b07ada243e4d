package org.tributary.node.admin;

import java.time.Clock;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.node.audit.AuditKinds;
import org.tributary.node.audit.AuditRecord;
import org.tributary.node.audit.AuditTrail;

/**
 * Records admin actions in the tamper-evident audit log: kind {@code admin.peer-policy} for the
 * allowlist, {@code admin.delivery} for dead deliveries, {@code admin.account} for the rest; the action
 * is the entry's activity type, the admin its actor, what was acted on its object, the outcome its result.
 * Returns once the entry is committed.
 */
public final class AuditedAdminActions implements AdminActionLog {
    private final AuditTrail trail;
    private final Clock clock;

    public AuditedAdminActions(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public void record(AdminAction action) {
        trail.record(AuditRecord.of(clock.instant(), AuditDirection.LOCAL, kindOf(action.action()))
                .withActivity("", action.action(), action.actor(), action.target())
                .withResult(action.detail()));
    }

    static String kindOf(String action) {
        if (action.startsWith("peer.")) {
            return AuditKinds.ADMIN_PEER_POLICY;
        }
        return action.startsWith("delivery.") ? AuditKinds.ADMIN_DELIVERY : AuditKinds.ADMIN_ACCOUNT;
    }
}
