package org.tributary.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The node's single way into its relational store: runs work in a transaction and rolls back on
 * failure, so nothing is ever half-written. Connections are kept open between transactions.
 */
public final class Database {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    /**
     * Connections kept open between transactions. Opening an embedded Derby connection costs more than a
     * short read transaction on it (about 0.1-0.3 ms against 0.05 ms measured on the seeded timeline
     * store), and a timeline request runs several transactions.
     */
    private static final int IDLE_CONNECTIONS = 16;

    private final DataSource dataSource;
    /** Actions to run once the transaction on that connection has committed (dropped on rollback). */
    private final Map<Connection, List<Runnable>> afterCommit = new ConcurrentHashMap<>();
    /** Committed or rolled back, ready for the next transaction; the most recently used first. */
    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>(IDLE_CONNECTIONS);

    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(Work<T> work) {
        T result;
        List<Runnable> committed;
        try {
            Connection connection = open();
            boolean reusable = false;
            try {
                result = work.run(connection);
                connection.commit();
                committed = afterCommit.remove(connection);
                reusable = true;
            } catch (SQLException | RuntimeException e) {
                afterCommit.remove(connection);
                connection.rollback();
                reusable = true;
                throw e;
            } finally {
                release(connection, reusable);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        if (committed != null) {
            committed.forEach(Database::runQuietly);
        }
        return result;
    }

    private Connection open() throws SQLException {
        for (Connection kept = idle.pollFirst(); kept != null; kept = idle.pollFirst()) {
            if (!kept.isClosed()) {
                return kept;
            }
        }
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return connection;
    }

    /**
     * Keeps a connection whose transaction ended (committed or rolled back) for the next one; any other
     * is rolled back and closed, quietly, so the failure that ended its work is the one reported.
     */
    private void release(Connection connection, boolean reusable) {
        try {
            if (reusable && !connection.isClosed() && idle.offerFirst(connection)) {
                return;
            }
            if (!reusable && !connection.isClosed()) {
                connection.rollback();
            }
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "a connection could not be closed cleanly", e);
        }
    }

    /**
     * Runs {@code action} after the transaction that {@code connection} belongs to commits, e.g. to
     * wake a worker for rows it can only see once they are committed. Nothing runs on rollback.
     */
    public void afterCommit(Connection connection, Runnable action) {
        afterCommit.computeIfAbsent(connection, key -> new ArrayList<>()).add(action);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an after-commit action failed; the data is committed", e);
        }
    }

    public void inTransactionVoid(VoidWork work) {
        inTransaction(connection -> {
            work.run(connection);
            return null;
        });
    }

    /** Work that returns nothing. */
    @FunctionalInterface
    public interface VoidWork {
        void run(Connection connection) throws SQLException;
    }
}
