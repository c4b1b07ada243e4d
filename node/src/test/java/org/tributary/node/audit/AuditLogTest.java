package org.tributary.node.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tributary.federation.audit.MerkleTree;
import org.tributary.federation.audit.TreeHash;
import org.tributary.node.store.Database;
import org.tributary.node.store.DerbyDataSources;
import org.tributary.node.store.Migrations;

/** The appender: concurrent callers get gap-free sequence numbers, and the tree survives a restart. */
class AuditLogTest {

    @Test
    void concurrentAppendsAreGapFreeAndTheTreeIsRestoredAfterARestart() throws Exception {
        DataSource source = DerbyDataSources.inMemory("auditlog-" + UUID.randomUUID());
        Database database = new Database(source);
        new Migrations(database, java.time.Clock.systemUTC()).apply();
        AuditLogStore store = new AuditLogStore();
        AuditLog log = new AuditLog(database, store, record -> false);
        int threads = 8;
        int each = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(log.record(AuditLogNodes.inbound(Instant.now(), thread * each + i, "p.example",
                            "Create", "accepted")));
                }
                return mine;
            }));
        }
        Set<Long> sequences = new HashSet<>();
        for (Future<List<Long>> result : results) {
            sequences.addAll(result.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        System.out.printf("appended %d entries from %d threads in %.2f s: %.0f entries/s%n", threads * each, threads,
                seconds, threads * each / seconds);

        assertEquals(threads * each, sequences.size());
        assertTrue(sequences.stream().allMatch(s -> s >= 0 && s < threads * each), "gap-free from 0");
        List<TreeHash> leaves = new ArrayList<>();
        database.inTransactionVoid(connection -> store.forEach(connection, 0, Long.MAX_VALUE, entry -> {
            assertEquals(entry.entry().leafHash(), entry.storedLeafHash());
            leaves.add(entry.storedLeafHash());
        }));
        TreeHash root = MerkleTree.rootOf(leaves);
        assertEquals(root, log.state().root());
        log.close();

        AuditLog restarted = new AuditLog(database, store, record -> false);
        assertEquals(threads * each, restarted.state().size());
        assertEquals(root, restarted.state().root());
        assertEquals(threads * each, restarted.record(AuditLogNodes.inbound(Instant.now(), 0, "p.example", "Undo",
                "accepted")));
        restarted.close();
        DerbyDataSources.shutdown(source);
    }
}
