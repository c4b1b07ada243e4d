package org.tributary.node.audit;

/** The {@code kind} of every entry the node writes, in one place (spec/audit-log.md lists them). */
public final class AuditKinds {
    /** An inbound activity passed every check and was stored. */
    public static final String INBOX_ACCEPTED = "inbox.accepted";
    /** An inbound activity whose id was already stored (acknowledged, not applied again). */
    public static final String INBOX_DUPLICATE = "inbox.duplicate";
    /** An inbound request refused; the result is the error code. */
    public static final String INBOX_REJECTED = "inbox.rejected";
    /** One delivery exchange with a peer; the result is the disposition. */
    public static final String DELIVERY_ATTEMPT = "delivery.attempt";
    /** A signed GET this node made. */
    public static final String FETCH_SENT = "fetch.sent";
    /** A signed GET a peer made of this node, served or refused. */
    public static final String FETCH_RECEIVED = "fetch.received";
    /** The allowlist changed. */
    public static final String ADMIN_PEER_POLICY = "admin.peer-policy";
    /** An administrator queued a dead delivery again. */
    public static final String ADMIN_DELIVERY = "admin.delivery";
    /** An account was created or changed by an administrator. */
    public static final String ADMIN_ACCOUNT = "admin.account";
    /** A peer's checkpoint was witnessed; the result is the verdict. */
    public static final String CHECKPOINT_WITNESSED = "checkpoint.witnessed";
    /** An alert about a peer's log: forked, shrunk, stopped. */
    public static final String AUDIT_ALERT = "audit.alert";

    private AuditKinds() {
    }
}
