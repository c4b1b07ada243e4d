package org.tributary.node.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.audit.AuditDigests;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.audit.AuditEntry;
import org.tributary.federation.audit.MerkleTree;
import org.tributary.federation.audit.TreeHash;
import org.tributary.federation.http.HeaderMap;
import org.tributary.node.store.Database;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.TestDatabase;

/**
 * How the log's rows are kept, and what earlier versions left behind. The leaf hashes kept apart from the
 * entries, 16 to a row: every committed entry has its kept leaf, a restarted log extends its open block, and
 * a log written before the blocks (one level-0 subtree row per leaf) still gives its leaves and grows in
 * blocks. Header lines are kept as bytes; an entry written before keeps them as text.
 */
class AuditLogStorageTest {
    private final TestDatabase testDatabase = TestDatabase.migrated(Clock.systemUTC());
    private final Database database = testDatabase.database();
    private final AuditLogStore store = new AuditLogStore();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private AuditLog log;

    AuditLogStorageTest() {
        log = new AuditLog(database, store, record -> false);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        log.close();
        testDatabase.close();
    }

    @Test
    void everyCommittedEntryHasItsKeptLeafAndProofsReadThem() throws Exception {
        appendOneByOne(5);
        appendConcurrently(40);

        assertKeptLeavesMatchTheEntries(45);
        assertEquals(List.of(0L, 1L, 2L), blockIndexes());
        assertEquals(MerkleTree.rootOf(entryLeaves(45)), log.readTree(tree -> MerkleTree.rootOf(tree, 45)));
        assertEquals(log.state().root(), MerkleTree.rootOf(entryLeaves(45)));
    }

    @Test
    void aRestartedLogExtendsItsOpenBlock() throws Exception {
        appendOneByOne(21);
        log.close();
        log = new AuditLog(database, store, record -> false);

        appendOneByOne(15);

        assertKeptLeavesMatchTheEntries(36);
        assertEquals(List.of(0L, 1L, 2L), blockIndexes());
        assertEquals(MerkleTree.rootOf(entryLeaves(36)), log.state().root());
    }

    @Test
    void aLogWrittenWithOneRowPerLeafStillGivesItsLeavesAndGrowsInBlocks() throws Exception {
        appendOneByOne(20);
        log.close();
        // As a node before V102 left it: each leaf a level-0 row of audit_subtrees, no blocks.
        List<TreeHash> leaves = entryLeaves(20);
        database.inTransactionVoid(connection -> {
            Jdbc.update(connection, "DELETE FROM audit_leaf_blocks");
            for (int i = 0; i < leaves.size(); i++) {
                Jdbc.update(connection, "INSERT INTO audit_subtrees (tree_level, idx, hash) VALUES (0, ?, ?)",
                        (long) i, leaves.get(i).hex());
            }
        });
        log = new AuditLog(database, store, record -> false);
        assertEquals(MerkleTree.rootOf(leaves), log.state().root());

        appendOneByOne(10);

        assertKeptLeavesMatchTheEntries(30);
        assertEquals(List.of(1L), blockIndexes(), "the open block moved into a row with its earlier leaves");
        assertEquals(MerkleTree.rootOf(entryLeaves(30)), log.readTree(tree -> MerkleTree.rootOf(tree, 30)));
    }

    @Test
    void aLogCutShortAfterItsLastCommitRefusesToOverwriteTheLeavesKeptForTheRemovedEntries() {
        appendOneByOne(21);
        TreeHash keptForEntry20 = leavesOfBlock(1).get(4);
        log.close();
        database.inTransactionVoid(connection -> Jdbc.update(connection, "DELETE FROM audit_entries WHERE seq >= 19"));
        log = new AuditLog(database, store, record -> false);

        assertThrows(RuntimeException.class, () -> log.record(record(99)));

        assertEquals(5, leavesOfBlock(1).size(), "the leaves of entries 16 to 20 are still kept");
        assertEquals(keptForEntry20, leavesOfBlock(1).get(4));
    }

    @Test
    void headerLinesReadBackAsWrittenAndOlderEntriesKeepTheirText() {
        HeaderMap headers = HeaderMap.empty().with("signature", "keyId=\"https://sales.example/users/zoë#key\"")
                .with("date", "Thu, 26 Nov 2026 08:00:00 GMT");
        log.record(new AuditRecord(Instant.parse("2026-11-26T08:00:00Z"), AuditDirection.INBOUND, "inbox.accepted",
                "sales.example", "", "", "", "", "accepted", new byte[] {1}, headers));
        log.record(record(1));
        String written = entry(0).headers();
        assertTrue(written.contains("signature: keyId=\"https://sales.example/users/zoë#key\""), written);
        assertTrue(written.contains("date: Thu, 26 Nov 2026 08:00:00 GMT"), written);

        // As a node before V103 wrote it: the lines in the text column.
        database.inTransactionVoid(connection -> Jdbc.update(connection,
                "UPDATE audit_entries SET headers = ?, header_bytes = NULL WHERE seq = 1", "host: finance.example"));

        assertEquals("host: finance.example", entry(1).headers());
    }

    @Test
    void aBatchOfEntriesIsStoredEachAsGiven() {
        List<AuditLogStore.NewRow> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            byte[] body = i % 5 == 0 ? new byte[0] : ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            AuditEntry entry = new AuditEntry(i, Instant.parse("2026-11-26T08:00:00Z").plusMillis(i),
                    AuditDirection.INBOUND, "inbox.accepted", "peer" + i + ".example", "https://a.example/" + i,
                    "Create", "https://a.example/users/" + i, "https://a.example/notes/" + i, "accepted " + i,
                    AuditDigests.bodyDigest(body), MerkleTree.sha256(new byte[] {(byte) i}));
            byte[] inboxKey = i % 3 == 0 ? null : MerkleTree.sha256(new byte[] {(byte) i, 1}).bytes();
            rows.add(new AuditLogStore.NewRow(entry, entry.leafHash(), body, "host: h" + i, inboxKey));
        }
        database.inTransactionVoid(connection -> {
            store.insert(connection, rows.subList(0, 63), List.of(), List.of());
            store.insert(connection, rows.subList(63, rows.size()), List.of(), List.of()); // a second batch after it
        });

        for (AuditLogStore.NewRow row : rows) {
            StoredAuditEntry stored = entry(row.entry().sequence());
            assertEquals(row.entry(), stored.entry());
            assertEquals(row.leafHash(), stored.storedLeafHash());
            assertArrayEquals(row.body(), stored.body().orElse(new byte[0]));
            assertEquals(row.headers(), stored.headers());
            assertArrayEquals(row.inboxKey(), database.inTransaction(connection -> Jdbc.query(connection,
                    "SELECT inbox_key FROM audit_entries WHERE seq = ?", result -> result.getBytes(1),
                    row.entry().sequence())).get(0));
        }
    }

    private StoredAuditEntry entry(long sequence) {
        return database.inTransaction(connection -> store.find(connection, sequence)).orElseThrow();
    }

    private void appendOneByOne(int count) {
        for (int i = 0; i < count; i++) {
            log.record(record(i));
        }
    }

    private void appendConcurrently(int count) throws Exception {
        List<Future<Long>> appended = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AuditRecord record = record(i);
            appended.add(threads.submit(() -> log.record(record)));
        }
        for (Future<Long> future : appended) {
            future.get();
        }
    }

    private void assertKeptLeavesMatchTheEntries(int size) {
        List<TreeHash> leaves = entryLeaves(size);
        for (int i = 0; i < size; i++) {
            long sequence = i;
            assertEquals(leaves.get(i), database.inTransaction(connection -> store.leafHashes(connection, sequence, 1))
                    .get(0), "entry " + i);
        }
    }

    private List<TreeHash> entryLeaves(int size) {
        return database.inTransaction(connection -> Jdbc.query(connection,
                "SELECT leaf_hash FROM audit_entries WHERE seq < ? ORDER BY seq",
                row -> TreeHash.fromHex(row.getString(1)), (long) size));
    }

    private List<TreeHash> leavesOfBlock(long block) {
        return database.inTransaction(connection -> store.leafHashes(connection, block * 16, 16));
    }

    private List<Long> blockIndexes() {
        return database.inTransaction(connection -> Jdbc.query(connection,
                "SELECT block_idx FROM audit_leaf_blocks ORDER BY block_idx", row -> row.getLong(1)));
    }

    private static AuditRecord record(int i) {
        return new AuditRecord(Instant.parse("2026-11-26T08:00:00Z").plusSeconds(i), AuditDirection.LOCAL, "admin.test",
                "", "", "", "", "", "ok " + i, null, null);
    }
}
