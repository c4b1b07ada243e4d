package org.tributary.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.CountingDataSource;

/** Transactions reuse connections, and a connection comes back clean whatever ended its last work. */
class DatabaseTest {
    private CountingDataSource store;
    private Database database;

    @BeforeEach
    void createTable() {
        store = new CountingDataSource("database");
        database = new Database(store);
        database.inTransactionVoid(connection -> connection.createStatement()
                .execute("CREATE TABLE sample (id BIGINT NOT NULL PRIMARY KEY)"));
    }

    @AfterEach
    void dropStore() {
        DerbyDataSources.shutdown(store);
    }

    @Test
    void transactionsOneAfterAnotherShareOneConnection() {
        int before = store.opened();
        for (long id = 1; id <= 20; id++) {
            long row = id;
            database.inTransactionVoid(connection -> Jdbc.update(connection, "INSERT INTO sample VALUES (?)", row));
        }
        assertEquals(before, store.opened(), "no connection opened for 20 transactions");
        assertEquals(20, count());
    }

    @Test
    void workCutShortByAnErrorIsUndoneBeforeTheConnectionServesAgain() {
        assertThrows(AssertionError.class, () -> database.inTransactionVoid(connection -> {
            Jdbc.update(connection, "INSERT INTO sample VALUES (?)", 1L);
            throw new AssertionError("not an exception: nothing above catches it");
        }));
        database.inTransactionVoid(connection -> Jdbc.update(connection, "INSERT INTO sample VALUES (?)", 2L));
        assertEquals(1, count(), "only the second transaction's row");
    }

    @Test
    void workThatFailsIsRolledBackAndTheConnectionServesAgain() {
        assertThrows(IllegalStateException.class, () -> database.inTransactionVoid(connection -> {
            Jdbc.update(connection, "INSERT INTO sample VALUES (?)", 1L);
            throw new IllegalStateException("boom");
        }));
        assertThrows(StoreException.class, () -> database.inTransactionVoid(connection ->
                Jdbc.update(connection, "INSERT INTO no_such_table VALUES (?)", 1L)));
        int before = store.opened();
        database.inTransactionVoid(connection -> Jdbc.update(connection, "INSERT INTO sample VALUES (?)", 3L));
        assertEquals(before, store.opened(), "the connection was kept after the rollbacks");
        assertEquals(1, count());
    }

    @Test
    void afterCommitActionsRunOnCommitAndAfterRollbackActionsOnRollback() {
        List<String> ran = new ArrayList<>();
        database.inTransactionVoid(connection -> {
            database.afterCommit(connection, () -> ran.add("committed 1"));
            database.afterRollback(connection, () -> ran.add("rolled back 1"));
        });
        assertThrows(IllegalStateException.class, () -> database.inTransactionVoid(connection -> {
            database.afterCommit(connection, () -> ran.add("committed 2"));
            database.afterRollback(connection, () -> ran.add("rolled back 2"));
            throw new IllegalStateException("boom");
        }));
        assertThrows(AssertionError.class, () -> database.inTransactionVoid(connection -> {
            database.afterRollback(connection, () -> ran.add("discarded 3"));
            throw new AssertionError("an error: the connection is discarded");
        }));
        database.inTransactionVoid(connection -> Jdbc.update(connection, "INSERT INTO sample VALUES (?)", 4L));

        assertEquals(List.of("committed 1", "rolled back 2", "discarded 3"), ran,
                "each action once, for its own transaction only");
    }

    private long count() {
        return database.inTransaction(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM sample"));
    }
}
