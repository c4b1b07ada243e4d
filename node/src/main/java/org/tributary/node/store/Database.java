package org.tributary.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The node's single way into its relational store: runs work in a transaction and rolls back on
 * failure, so nothing is ever half-written.
 */
public final class Database {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final DataSource dataSource;
    /** Actions to run once the transaction on that connection has committed (dropped on rollback). */
    private final Map<Connection, List<Runnable>> afterCommit = new ConcurrentHashMap<>();

    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(Work<T> work) {
        T result;
        List<Runnable> committed;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                result = work.run(connection);
                connection.commit();
                committed = afterCommit.remove(connection);
            } catch (SQLException | RuntimeException e) {
                afterCommit.remove(connection);
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        if (committed != null) {
            committed.forEach(Database::runQuietly);
        }
        return result;
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
