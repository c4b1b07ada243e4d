package org.tributary.node.account;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Tells peer nodes that an employee's profile changed, inside the transaction that changed it (so the
 * change and its delivery commit together).
 */
@FunctionalInterface
public interface ProfilePublisher {

    void publish(Connection connection, Account employee, Profile profile) throws SQLException;
}
