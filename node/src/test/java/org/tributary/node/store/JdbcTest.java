package org.tributary.node.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestDatabase;

class JdbcTest {
    private static TestDatabase store;

    /** One row of the test table, read back with the same helpers repositories use. */
    record Row(long id, String text, Long big, Integer small, Boolean flag, Instant at, URI uri, byte[] bytes,
            String kind) {
    }

    enum Kind { FIRST_KIND }

    @BeforeAll
    static void createTable() {
        store = TestDatabase.empty();
        store.database().inTransactionVoid(connection -> connection.createStatement().execute(
                "CREATE TABLE sample (id BIGINT NOT NULL PRIMARY KEY, text VARCHAR(100), big BIGINT, small INT, "
                        + "flag BOOLEAN, happened TIMESTAMP, uri VARCHAR(2048), bytes BLOB, kind VARCHAR(20))"));
    }

    @AfterAll
    static void dropStore() {
        store.close();
    }

    @BeforeEach
    void emptyTable() {
        store.database().inTransactionVoid(connection -> Jdbc.update(connection, "DELETE FROM sample"));
    }

    @Test
    void bindsEverySupportedTypeAndReadsItBack() {
        Instant at = Instant.parse("2025-03-05T09:15:30.123Z");
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        int inserted = store.database().inTransaction(connection -> Jdbc.update(connection,
                "INSERT INTO sample VALUES (?,?,?,?,?,?,?,?,?)", 1L, "héllo", 9_000_000_000L, 42, true, at,
                URI.create("https://finance.example/users/alice"), bytes, Kind.FIRST_KIND));
        assertEquals(1, inserted);

        Row row = readOne(1L).orElseThrow();
        assertEquals("héllo", row.text());
        assertEquals(9_000_000_000L, row.big());
        assertEquals(42, row.small());
        assertEquals(true, row.flag());
        assertEquals(at, row.at());
        assertEquals(URI.create("https://finance.example/users/alice"), row.uri());
        assertArrayEquals(bytes, row.bytes());
        assertEquals("first_kind", row.kind(), "enums bind as their lower-case name");
    }

    @Test
    void bindsNullsUntypedAndTyped() {
        store.database().inTransaction(connection -> Jdbc.update(connection,
                "INSERT INTO sample VALUES (?,?,?,?,?,?,?,?,?)", 2L, null, Jdbc.nullOf(Types.BIGINT),
                Jdbc.nullOf(Types.INTEGER), Jdbc.nullOf(Types.BOOLEAN), Jdbc.nullOf(Types.TIMESTAMP), null,
                Jdbc.nullOf(Types.BLOB), null));

        Row row = readOne(2L).orElseThrow();
        assertNull(row.text());
        assertNull(row.big());
        assertNull(row.small());
        assertNull(row.flag());
        assertNull(row.at(), "Jdbc.instant maps SQL NULL to null");
        assertNull(row.uri(), "Jdbc.uri maps SQL NULL to null");
        assertNull(row.bytes());
        assertNull(row.kind());
    }

    @Test
    void refusesUnsupportedParameterTypes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.database()
                .inTransaction(connection -> Jdbc.update(connection, "INSERT INTO sample (id, text) VALUES (?,?)",
                        3L, new StringBuilder("not a string"))));
        assertTrue(e.getMessage().contains("StringBuilder"), e.getMessage());
        assertEquals(0, count(), "the failed transaction left nothing behind");
    }

    @Test
    void queryOneAndCountOnEmptyAndFullTables() {
        assertEquals(Optional.empty(), readOne(99L));
        assertEquals(0, count());
        store.database().inTransactionVoid(connection -> {
            Jdbc.update(connection, "INSERT INTO sample (id, small) VALUES (?,?)", 10L, 1);
            Jdbc.update(connection, "INSERT INTO sample (id, small) VALUES (?,?)", 11L, 2);
        });
        assertEquals(2, count());
        List<Long> ids = store.database().inTransaction(connection -> Jdbc.query(connection,
                "SELECT id FROM sample WHERE small >= ? ORDER BY id", row -> row.getLong(1), 1));
        assertEquals(List.of(10L, 11L), ids);
        assertEquals(Optional.of(10L), store.database().inTransaction(connection -> Jdbc.queryOne(connection,
                "SELECT id FROM sample ORDER BY id", row -> row.getLong(1))), "queryOne takes the first row");
    }

    @Test
    void aFailedTransactionIsRolledBack() {
        assertThrows(IllegalStateException.class, () -> store.database().inTransactionVoid(connection -> {
            Jdbc.update(connection, "INSERT INTO sample (id) VALUES (?)", 20L);
            throw new IllegalStateException("boom");
        }));
        assertEquals(0, count());
        assertFalse(readOne(20L).isPresent());
    }

    @Test
    void queryInFindsEachRowOnceWhateverTheListsLengthAndRepeats() {
        store.database().inTransactionVoid(connection -> {
            for (long id = 1; id <= 250; id++) {
                Jdbc.update(connection, "INSERT INTO sample (id, small) VALUES (?,?)", id, (int) (id % 2));
            }
        });
        for (int length : List.of(1, 2, 5, 17, 40, 41, 100, 101, 250)) {
            List<Long> wanted = new java.util.ArrayList<>();
            for (long id = 1; id <= length; id++) {
                wanted.add(id);
                wanted.add(id); // asked twice, found once
            }
            wanted.add(999L); // no such row
            List<Long> found = store.database().inTransaction(connection -> Jdbc.queryIn(connection,
                    "SELECT id FROM sample WHERE id IN (%s) ORDER BY id", wanted, row -> row.getLong(1)));
            assertEquals(length, found.size(), "length " + length);
            assertEquals(length, new java.util.HashSet<>(found).size(), "length " + length + ": no row twice");
        }
        List<Long> odd = store.database().inTransaction(connection -> Jdbc.queryIn(connection,
                "SELECT id FROM sample WHERE small = ? AND id IN (%s) ORDER BY id", List.of(1L, 2L, 3L, 4L, 5L),
                row -> row.getLong(1), 1));
        assertEquals(List.of(1L, 3L, 5L), odd, "leading parameters bind before the list");
    }

    @Test
    void updateInChangesEachRowOnceWhateverTheListsLengthAndRepeats() {
        store.database().inTransactionVoid(connection -> {
            for (long id = 1; id <= 250; id++) {
                Jdbc.update(connection, "INSERT INTO sample (id, big) VALUES (?, 0)", id);
            }
        });
        List<Long> wanted = new java.util.ArrayList<>();
        for (long id = 1; id <= 150; id++) {
            wanted.add(id);
            wanted.add(id); // named twice, changed once
        }
        wanted.add(999L); // no such row

        int changed = store.database().inTransaction(connection -> Jdbc.updateIn(connection,
                "UPDATE sample SET big = big + ?, text = ? WHERE id IN (%s)", wanted, 1L, "seen"));

        assertEquals(150, changed);
        assertEquals(150, countWhere("big = 1 AND text = 'seen'"), "each named row, once");
        assertEquals(100, countWhere("big = 0 AND text IS NULL"), "no other row");
        int none = store.database().inTransaction(connection -> Jdbc.updateIn(connection, "this is not SQL (%s)",
                List.of()));
        assertEquals(0, none, "no values, no statement");
    }

    @Test
    void queryInWithoutValuesAsksNothing() {
        List<Long> found = store.database().inTransaction(connection -> Jdbc.queryIn(connection,
                "this is not SQL (%s)", List.of(), row -> row.getLong(1)));
        assertEquals(List.of(), found);
    }

    private static long countWhere(String condition) {
        return store.database().inTransaction(connection -> Jdbc.count(connection,
                "SELECT COUNT(*) FROM sample WHERE " + condition));
    }

    private static long count() {
        return store.database().inTransaction(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM sample"));
    }

    private static Optional<Row> readOne(long id) {
        return store.database().inTransaction(connection -> Jdbc.queryOne(connection,
                "SELECT * FROM sample WHERE id = ?", row -> new Row(row.getLong("id"), row.getString("text"),
                        (Long) row.getObject("big"), (Integer) row.getObject("small"),
                        (Boolean) row.getObject("flag"), Jdbc.instant(row, "happened"), Jdbc.uri(row, "uri"),
                        row.getBytes("bytes"), row.getString("kind")), id));
    }
}
