package org.tributary.node.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.node.store.Database;
import org.tributary.node.store.DerbyDataSources;
import org.tributary.node.store.Jdbc;
import org.tributary.node.store.Migrations;

/** A write handed to the log commits with its entry, or neither commits; a bad one fails only its caller. */
class LoggedWriteTest {
    private DataSource source;
    private Database database;
    private AuditLogStore store;
    private AuditLog log;

    @BeforeEach
    void open() {
        source = DerbyDataSources.inMemory("loggedwrite-" + UUID.randomUUID());
        database = new Database(source);
        new Migrations(database, Clock.systemUTC()).apply();
        store = new AuditLogStore();
        log = new AuditLog(database, store, record -> false);
    }

    @AfterEach
    void close() {
        log.close();
        DerbyDataSources.shutdown(source);
    }

    @Test
    void aWriteAndItsEntryCommitTogether() throws Exception {
        log.record(AuditLogNodes.inbound(Instant.now(), 0, "before.example", "Create", "accepted"));
        long[] toldSequence = {-1};
        long sequence = log.appendWith((connection, next) -> {
            toldSequence[0] = next;
            insertPeer(connection, "together.example");
            return DigestedRecord.of(AuditLogNodes.inbound(Instant.now(), 1, "together.example", "Create", "accepted"));
        });

        assertEquals(1, sequence);
        assertEquals(1, toldSequence[0], "the write is told the sequence number its entry gets");
        assertEquals(1, peers("together.example"));
        StoredAuditEntry entry = database.inTransaction(connection -> store.find(connection, 1)).orElseThrow();
        assertEquals("together.example", entry.entry().peer());
        assertEquals(2, log.state().size());
    }

    @Test
    void aWriteWhoseEntryCannotBeMadeIsRolledBackAndItsNeighboursInTheBatchStillCommit() throws Exception {
        // Concurrent callers share batches: a bad one in a batch forces the retry one by one.
        ExecutorService callers = Executors.newFixedThreadPool(20);
        List<Future<Long>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            futures.add(callers.submit(() -> log.appendWith((connection, next) -> {
                insertPeer(connection, "peer" + n + ".example");
                return n == 7 ? null : DigestedRecord.of(AuditLogNodes.inbound(Instant.now(), n, "peer" + n
                        + ".example", "Create", "accepted"));
            })));
        }

        ExecutionException failed = assertThrows(ExecutionException.class, () -> futures.get(7).get());
        assertEquals(NullPointerException.class, failed.getCause().getClass());
        assertEquals(0, peers("peer7.example"), "the write of the failed entry was rolled back");
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (i != 7) {
                sequences.add(futures.get(i).get());
                assertEquals(1, peers("peer" + i + ".example"));
            }
        }
        assertEquals(19, sequences.stream().distinct().count());
        assertEquals(18L, sequences.stream().mapToLong(Long::longValue).max().orElseThrow(), "gap-free");
        assertEquals(19, log.state().size());
        callers.shutdown();
        PublicKey unused = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic(); // no checkpoints yet
        assertInstanceOf(StorageVerification.Verified.class, new StorageVerifier(database, store,
                new AuditEntryKeys(), new CheckpointStore())
                .verify(unused, URI.create("http://node.example")), "the stored tree recomputes to the same entries");
    }

    private static void insertPeer(Connection connection, String authority) throws SQLException {
        Jdbc.update(connection, "INSERT INTO peers (authority, added_at) VALUES (?, ?)", authority, Instant.now());
    }

    private long peers(String authority) {
        return database.inTransaction(connection -> Jdbc.count(connection,
                "SELECT COUNT(*) FROM peers WHERE authority = ?", authority));
    }
}
