package org.tributary.node.audit;

/**
 * Where services record what they did (an admin or peer-policy action). Returns once the entry is
 * committed, so an action is never reported done without its log entry.
 */
@FunctionalInterface
public interface AuditTrail {

    /** Appends the record; returns its sequence number. */
    long record(AuditRecord record);

    /** A trail that keeps nothing, for tests of services that do not concern the log. */
    static AuditTrail discarding() {
        return record -> -1;
    }
}
