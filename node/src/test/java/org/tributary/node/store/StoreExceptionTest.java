package org.tributary.node.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestDatabase;

class StoreExceptionTest {

    @Test
    void aUniqueKeyViolationIsADuplicateKey() {
        try (TestDatabase store = TestDatabase.migrated(Clock.systemUTC())) {
            Database database = store.database();
            database.inTransactionVoid(connection -> Jdbc.update(connection,
                    "INSERT INTO peers (authority, added_at) VALUES (?, ?)", "sales.example", Instant.now()));
            StoreException e = assertThrows(StoreException.class, () -> database.inTransactionVoid(connection ->
                    Jdbc.update(connection, "INSERT INTO peers (authority, added_at) VALUES (?, ?)", "sales.example",
                            Instant.now())));
            assertTrue(e.isDuplicateKey(), e::getMessage);
        }
    }

    @Test
    void otherFailuresAreNot() {
        try (TestDatabase store = TestDatabase.migrated(Clock.systemUTC())) {
            StoreException e = assertThrows(StoreException.class, () -> store.database().inTransactionVoid(
                    connection -> Jdbc.update(connection, "INSERT INTO no_such_table (x) VALUES (1)")));
            assertFalse(e.isDuplicateKey());
        }
        assertFalse(new StoreException(new SQLException("lost connection", "08006")).isDuplicateKey());
        assertTrue(new StoreException(new SQLException("dup", "23505")).isDuplicateKey());
    }
}
