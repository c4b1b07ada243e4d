package org.tributary.node.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.QueryPlans;
import org.tributary.node.testing.TestDatabase;

/**
 * Since V106 the entries have no index by time, peer or kind: the questions asked of the entries not keyed yet
 * find them by sequence number, and those asked of the keys use the keys' indexes. A plan that scans the whole log
 * would make the peer-silence check (every minute, per peer) and retention read every entry ever logged.
 */
class AuditKeysQueryPlanTest {
    private static final int ENTRIES = 6_000;
    private static final int KEYED = 5_000;
    private static final List<String> KINDS = List.of(AuditKinds.INBOX_ACCEPTED, AuditKinds.DELIVERY_ATTEMPT,
            AuditKinds.INBOX_REJECTED);

    private final TestDatabase store = TestDatabase.migrated(Clock.systemUTC());

    @BeforeEach
    void logEntriesAndKeyMostOfThem() {
        store.database().inTransactionVoid(connection -> {
            insertEntries(connection);
            Jdbc.update(connection, "INSERT INTO audit_entry_keys (seq, time_ms, peer, kind) "
                    + "SELECT seq, time_ms, peer, kind FROM audit_entries WHERE seq < ?", KEYED);
            for (String table : List.of("AUDIT_ENTRIES", "AUDIT_ENTRY_KEYS")) {
                connection.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)")
                        .execute();
            }
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void questionsOfTheEntriesNotKeyedYetFindThemBySequenceNumber() throws Exception {
        String kinds = QueryPlans.of(store.dataSource(), AuditLogStore.KINDS_NOT_KEYED, (long) KEYED);
        assertNoScanOfTheLog(kinds);

        String earliest = QueryPlans.of(store.dataSource(), AuditLogStore.earliestNotKeyed(2), (long) KEYED,
                "peer3.example", 0L, AuditKinds.INBOX_ACCEPTED, AuditKinds.DELIVERY_ATTEMPT, "%/audit/checkpoints/%");
        assertNoScanOfTheLog(earliest);

        String prune = QueryPlans.ofUpdate(store.dataSource(), AuditLogStore.PRUNE, Timestamp.from(Instant.now()),
                1_000L, 3_000L, 2_000_000L, AuditKinds.INBOX_REJECTED);
        assertNoScanOfTheLog(prune);
        assertTrue(prune.contains("Rows updated = 333"), prune); // rejected ones (every third) in [1000, 2000)
    }

    @Test
    void questionsOfTheKeysUseTheirIndexes() throws Exception {
        String earliest = QueryPlans.of(store.dataSource(), AuditLogStore.earliestKeyed(2), (long) KEYED,
                "peer3.example", 0L, AuditKinds.INBOX_ACCEPTED, AuditKinds.DELIVERY_ATTEMPT, "%/audit/checkpoints/%");
        assertNoScanOfTheLog(earliest);
        assertTrue(earliest.contains("AUDIT_ENTRY_KEYS_PEER"), earliest);

        String olderThan = QueryPlans.of(store.dataSource(), AuditEntryKeys.KEYED_OLDER_THAN,
                AuditKinds.INBOX_REJECTED, 100_000L);
        assertFalse(olderThan.contains("Table Scan"), olderThan);
        assertTrue(olderThan.contains("AUDIT_ENTRY_KEYS_KIND"), olderThan);
    }

    private static void assertNoScanOfTheLog(String plan) {
        assertFalse(plan.contains("Table Scan ResultSet for AUDIT_ENTRIES"), plan);
    }

    private static void insertEntries(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entries (seq, time_ms, "
                + "direction, kind, peer, activity_id, activity_type, actor, object, result, body_digest, "
                + "header_digest, leaf_hash, body) VALUES (?,?,'inbound',?,?,?,'Create','https://peer.example/users/a',"
                + "'','accepted',?,?,?,?)")) {
            for (int i = 0; i < ENTRIES; i++) {
                insert.setLong(1, i);
                insert.setLong(2, i * 1_000L);
                insert.setString(3, KINDS.get(i % KINDS.size()));
                insert.setString(4, "peer" + (i % 10) + ".example");
                insert.setString(5, "https://peer" + (i % 10) + ".example/activities/" + i);
                insert.setString(6, String.format("%064d", i));
                insert.setString(7, String.format("%064d", i));
                insert.setString(8, String.format("%064d", i));
                insert.setBytes(9, new byte[600]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
