package org.tributary.federation.audit;

import java.util.Locale;

/** Which way an audited event went. Encoded by its lower-case name. */
public enum AuditDirection {
    /** A message a peer sent to this node. */
    INBOUND,
    /** A message (or delivery attempt) this node sent to a peer. */
    OUTBOUND,
    /** Something that happened on this node alone: an admin action, a peer-policy change. */
    LOCAL;

    /** The wire name: {@code inbound}, {@code outbound} or {@code local}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; fails with {@code malformed_audit_data} for anything else. */
    public static AuditDirection fromWireName(String name) {
        for (AuditDirection direction : values()) {
            if (direction.wireName().equals(name)) {
                return direction;
            }
        }
        throw new AuditFormatException("unknown audit direction \"" + name + "\"");
    }
}
