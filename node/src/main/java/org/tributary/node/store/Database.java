package org.tributary.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private final DataSource dataSource;
    /** Work to run once a transaction has committed, by its connection; dropped on rollback. */
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
            committed.forEach(Runnable::run);
        }
        return result;
    }

    /**
     * Runs {@code task} after the transaction of {@code connection} commits (never if it rolls back), once
     * the connection is released: for derived views, such as the search index, that must not see or lock
     * rows before they are committed.
     */
    public void afterCommit(Connection connection, Runnable task) {
        afterCommit.computeIfAbsent(connection, unused -> new CopyOnWriteArrayList<>()).add(task);
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
