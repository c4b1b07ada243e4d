package org.tributary.node.admin;

/**
 * Where every admin action is recorded before the caller hears it is done. The node points this at
 * its tamper-evident audit log.
 */
@FunctionalInterface
public interface AdminActionLog {

    void record(AdminAction action);
}
