package org.tributary.node.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.testing.QueryPlans;
import org.tributary.node.testing.TestDatabase;

/** The processor's "next pending activities" query reads the index in order: no sort, no table scan. */
class PendingQueryPlanTest {
    private final TestDatabase store = TestDatabase.migrated(Clock.systemUTC());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void thePendingQueryReadsTheIndexInOrderWithoutSorting() throws Exception {
        int rows = 5_000;
        // Compiled first on an empty table, as on a new node: Derby keeps that plan for the statement.
        QueryPlans.of(store.dataSource(), InboxActivityStore.PENDING, 50);
        store.database().inTransactionVoid(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox_activities (id, "
                    + "activity_id_hash, activity_id, activity_type, actor_uri, key_id, body, received_at, state) "
                    + "VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setLong(1, rows - i); // inserted newest first, so insertion order is not id order
                    insert.setString(2, String.format("%064d", i));
                    insert.setString(3, "https://peer.example/activities/" + i);
                    insert.setString(4, "Create");
                    insert.setString(5, "https://peer.example/users/a");
                    insert.setString(6, "https://peer.example/users/a#main-key");
                    insert.setBytes(7, new byte[600]);
                    insert.setTimestamp(8, Timestamp.from(Instant.now()));
                    insert.setString(9, i % 10 == 0 ? "done" : "pending"); // a processor far behind: most rows pending
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });

        // What Derby's index-statistics daemon does on a busy node; with statistics, the optimizer costs an
        // index scan over most of the table above a table scan and a sort (it ignores FETCH FIRST).
        store.database().inTransactionVoid(connection -> connection.prepareCall(
                "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'INBOX_ACTIVITIES', NULL)").execute());
        String plan = QueryPlans.of(store.dataSource(), InboxActivityStore.PENDING, 50);
        assertFalse(plan.contains("Sort ResultSet"), plan);
        assertTrue(plan.contains("INBOX_PENDING"), plan);
        assertFalse(plan.contains("Index Row to Base Row"), "the ids come from the index alone: " + plan);

        List<StoredActivity> pending = new InboxActivityStore(store.database(),
                new IdGenerator(Clock.systemUTC()), Clock.systemUTC()).pending(50);
        assertEquals(50, pending.size());
        for (int i = 1; i < pending.size(); i++) {
            assertTrue(pending.get(i - 1).id() < pending.get(i).id(), "oldest first");
        }

        // Their outcomes: the rows are found by their keys, not by a scan that would wait on every row a
        // writer has not committed yet.
        String record = QueryPlans.ofUpdate(store.dataSource(), InboxActivityStore.RECORD.replace("%s", "?, ?, ?, ?"),
                "done", "applied", Timestamp.from(Instant.now()), pending.get(0).id(), pending.get(1).id(),
                pending.get(2).id(), pending.get(3).id());
        assertFalse(record.contains("Table Scan"), record);
        assertTrue(record.contains("Index Scan ResultSet for INBOX_ACTIVITIES"), record);
        assertTrue(record.contains("Rows updated = 4"), record);
    }

    @Test
    void rowsReadBackFindTheirLogEntriesByKey() throws Exception {
        int entries = 5_000;
        store.database().inTransactionVoid(connection -> {
            insertLogEntries(connection, entries, i -> i, i -> "inbox.accepted", i -> null);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox_activities (id, "
                    + "activity_id_hash, audit_seq, state) VALUES (?,?,?,'pending')")) {
                for (int i = 0; i < entries; i++) {
                    insert.setLong(1, i + 1);
                    insert.setString(2, String.format("%064d", i));
                    insert.setLong(3, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            for (String table : List.of("AUDIT_ENTRIES", "INBOX_ACTIVITIES")) {
                connection.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)")
                        .execute();
            }
        });

        String plan = QueryPlans.of(store.dataSource(), InboxActivityStore.READ_BACK.replace("%s", "?, ?"), 1L, 2L);

        assertFalse(plan.contains("Table Scan"), "each row and its entry are found by key: " + plan);
        assertTrue(plan.contains("Index Scan ResultSet for AUDIT_ENTRIES"), plan);
        assertTrue(plan.contains("Index Scan ResultSet for INBOX_ACTIVITIES"), plan);
        // A node run without the log asks once whether the log ever accepted an activity: from the first entry
        // of the inbox key's index (NULLs sort last), not a scan of a log whose entries have no key.
        String logHasKeys = QueryPlans.of(store.dataSource(), InboxRows.LOG_HAS_KEYS);
        assertTrue(logHasKeys.contains("Index Key Optimization = true"), logHasKeys);
        assertTrue(logHasKeys.contains("using constraint AUDIT_ENTRIES_INBOX_KEY"), logHasKeys);
        InboxActivityStore inbox = new InboxActivityStore(store.database(), new IdGenerator(Clock.systemUTC()),
                Clock.systemUTC());
        StoredActivity first = inbox.pending(1).get(0);
        assertEquals("https://peer.example/activities/0", first.activityId().toString(), "from the log entry");
        assertEquals(600, first.body().length);
        assertEquals(1, inbox.bodiesReadFromLog());
    }

    @Test
    void theLoggedInboxReadsTheNextEntriesAndItsRetriesByKeyInOrder() throws Exception {
        int entries = 5_000;
        // Compiled first on an empty log, as on a new node: Derby keeps that plan for the statement.
        QueryPlans.of(store.dataSource(), LoggedInboxQueue.NEXT, 0L, 49L);
        store.database().inTransactionVoid(connection -> {
            // Inserted newest first, so that insertion order is not sequence order; one in ten of another kind.
            insertLogEntries(connection, entries, i -> entries - 1 - i,
                    i -> i % 10 == 0 ? "delivery.attempt" : "inbox.accepted",
                    i -> java.nio.ByteBuffer.allocate(32).putInt(i).array());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO logged_inbox_outcomes "
                    + "(audit_seq, state, attempts, result) VALUES (?,?,1,'x')")) {
                for (int i = 0; i < entries; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, i % 100 == 0 ? "pending" : "failed");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // A processor far behind: the mark at the start of a long log.
            for (String table : List.of("AUDIT_ENTRIES", "LOGGED_INBOX_OUTCOMES")) {
                connection.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)")
                        .execute();
            }
        });

        String next = QueryPlans.of(store.dataSource(), LoggedInboxQueue.NEXT, 0L, 49L);
        assertFalse(next.contains("Table Scan"), next);
        assertFalse(next.contains("Sort ResultSet"), next);
        assertTrue(next.contains("Index Scan ResultSet for AUDIT_ENTRIES"), next);
        String retries = QueryPlans.of(store.dataSource(), LoggedInboxQueue.RETRIES, 50);
        assertFalse(retries.contains("Table Scan"), retries);
        assertFalse(retries.contains("Sort ResultSet"), retries);
        assertTrue(retries.contains("LOGGED_INBOX_OUTCOMES_PENDING"), retries);
        String readBack = QueryPlans.of(store.dataSource(), LoggedInboxQueue.READ_BACK.replace("%s", "?, ?"), 1L, 2L);
        assertFalse(readBack.contains("Table Scan"), readBack);
    }

    /**
     * Inserts {@code count} inbound entries into the log: the {@code i}-th at sequence number {@code seq(i)}, of
     * {@code kind(i)}, with {@code inboxKey(i)} (null for none) and a body of 600 bytes.
     */
    private static void insertLogEntries(java.sql.Connection connection, int count, IntUnaryOperator seq,
            IntFunction<String> kind, IntFunction<byte[]> inboxKey) throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entries (seq, time_ms, "
                + "direction, kind, peer, activity_id, activity_type, actor, object, result, body_digest, "
                + "header_digest, leaf_hash, body, inbox_key) VALUES (?,?,'inbound',?,'peer.example',?,"
                + "'Create','https://peer.example/users/a','','accepted',?,?,?,?,?)")) {
            for (int i = 0; i < count; i++) {
                insert.setLong(1, seq.applyAsInt(i));
                insert.setLong(2, i);
                insert.setString(3, kind.apply(i));
                insert.setString(4, "https://peer.example/activities/" + i);
                insert.setString(5, String.format("%064d", i));
                insert.setString(6, String.format("%064d", i));
                insert.setString(7, String.format("%064d", i));
                insert.setBytes(8, new byte[600]);
                byte[] key = inboxKey.apply(i);
                if (key == null) {
                    insert.setNull(9, java.sql.Types.BINARY);
                } else {
                    insert.setBytes(9, key);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
