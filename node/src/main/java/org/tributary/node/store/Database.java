package org.tributary.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The node's single way into its relational store: runs work in a transaction and rolls back on
 * failure, so nothing is ever half-written. Connections are reused across transactions ({@link ConnectionPool}).
 */
public final class Database {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private static final int MAX_IDLE_CONNECTIONS = 16;

    private final ConnectionPool connections;
    /** What to run once the transaction on that connection has ended, one list for each way it can end. */
    private final Map<Connection, EndActions> endActions = new ConcurrentHashMap<>();

    /** Actions registered by a transaction's work: those of the way it ended run, the others are dropped. */
    private record EndActions(List<Runnable> onCommit, List<Runnable> onRollback) {
        EndActions() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    public Database(DataSource dataSource) {
        this.connections = new ConnectionPool(dataSource, MAX_IDLE_CONNECTIONS);
    }

    public <T> T inTransaction(Work<T> work) {
        T result;
        Connection connection;
        try {
            connection = connections.take();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        try {
            result = work.run(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            // Taken before the connection goes back to the pool, where another transaction may take it at once
            // and register its own.
            EndActions ended = endActions.remove(connection);
            rollBackOrDiscard(connection, e);
            runAll(ended, EndActions::onRollback);
            throw e instanceof SQLException sql ? new StoreException(sql) : (RuntimeException) e;
        } catch (Error e) {
            EndActions ended = endActions.remove(connection);
            connections.discard(connection);
            runAll(ended, EndActions::onRollback);
            throw e;
        }
        EndActions ended = endActions.remove(connection);
        connections.giveBack(connection);
        runAll(ended, EndActions::onCommit);
        return result;
    }

    private void rollBackOrDiscard(Connection connection, Exception cause) {
        try {
            connection.rollback();
            connections.giveBack(connection);
        } catch (SQLException | RuntimeException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
            connections.discard(connection);
        }
    }

    /**
     * Runs {@code action} after the transaction that {@code connection} belongs to commits, e.g. to
     * wake a worker for rows it can only see once they are committed. Nothing runs on rollback.
     */
    public void afterCommit(Connection connection, Runnable action) {
        endActions.computeIfAbsent(connection, key -> new EndActions()).onCommit().add(action);
    }

    /**
     * Runs {@code action} after the transaction that {@code connection} belongs to rolls back (or its
     * connection is discarded uncommitted), e.g. to withdraw what was handed out in memory for rows that were
     * never stored. Nothing runs on commit.
     */
    public void afterRollback(Connection connection, Runnable action) {
        endActions.computeIfAbsent(connection, key -> new EndActions()).onRollback().add(action);
    }

    private static void runAll(EndActions ended, Function<EndActions, List<Runnable>> way) {
        if (ended != null) {
            way.apply(ended).forEach(Database::runQuietly);
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an after-commit or after-rollback action failed", e);
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
