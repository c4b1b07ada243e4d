package org.tributary.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;

/**
 * Keeps idle connections for reuse. Opening an embedded Derby connection costs more than a short
 * transaction itself (benchmark 1's profile had ~10 % of the node's CPU in {@code getConnection}), and
 * every use case opens one. Connections are handed out in manual-commit mode at read-committed
 * isolation; at most {@code maxIdle} are kept, more may be open at once under load and are closed when
 * returned. A connection whose transaction could not end cleanly is closed, never reused.
 */
final class ConnectionPool {
    private final DataSource dataSource;
    private final BlockingQueue<Connection> idle;

    ConnectionPool(DataSource dataSource, int maxIdle) {
        this.dataSource = dataSource;
        this.idle = new ArrayBlockingQueue<>(maxIdle);
    }

    Connection take() throws SQLException {
        Connection reused;
        while ((reused = idle.poll()) != null) {
            if (!reused.isClosed()) {
                return reused;
            }
        }
        Connection fresh = dataSource.getConnection();
        fresh.setAutoCommit(false);
        fresh.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return fresh;
    }

    /** Takes back a connection whose transaction committed or rolled back. */
    void giveBack(Connection connection) {
        if (!idle.offer(connection)) {
            discard(connection);
        }
    }

    /**
     * Closes a connection that must not be reused, rolling back first: Derby refuses to close a connection
     * in the middle of a transaction, which would leave it open and its locks held.
     */
    void discard(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // already unusable or nothing to undo; closing is what matters
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already unusable; nothing more to release
        }
    }
}
