package org.tributary.node.admin;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Records admin actions in the node's log; the stand-in until the audit log records them. */
public final class LoggedAdminActions implements AdminActionLog {
    private static final Logger LOG = System.getLogger("tributary.admin");

    @Override
    public void record(AdminAction action) {
        LOG.log(Level.INFO, "admin action {0} by {1} on {2}: {3}", action.action(), action.actor(), action.target(),
                action.detail());
    }
}
