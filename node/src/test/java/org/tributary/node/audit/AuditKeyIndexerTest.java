package org.tributary.node.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.node.NodeAssembly;
import org.tributary.node.store.Jdbc;
import org.tributary.node.store.Migrations;

/**
 * The log's search keys live in {@code audit_entry_keys}, which {@link AuditKeyIndexer} keeps up with the log a range
 * at a time: every search, retention and the peer-silence check answer the same whether none, some or all of the
 * entries are keyed, and the indexer resumes where the table ends.
 */
class AuditKeyIndexerTest {
    private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
    private static final List<String> PEERS = List.of("sales.example", "legal.example", "hr.example");
    private static final int ENTRIES = 40;
    private static final String KEYS_MIGRATION = "V106__audit_keys_off_the_writer.sql";

    private final AuditLogStore store = new AuditLogStore();
    private final AuditEntryKeys keys = new AuditEntryKeys();
    private NodeAssembly node;
    private final List<AuditRecord> recorded = new ArrayList<>();

    @BeforeEach
    void recordEntries() {
        Clock now = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
        node = AuditLogNodes.create("keys", now, new AuditSettings(Duration.ofSeconds(15), Duration.ofMinutes(10),
                Duration.ofDays(60), Map.of(), Duration.ofSeconds(5), true));
        for (int n = 0; n < ENTRIES; n++) {
            // a time that mostly grows, with some entries a little older than the one before, as when callers wait
            Instant at = START.plus(Duration.ofDays(n * 2L)).minus(Duration.ofMinutes(n % 4 == 3 ? 90 : 0));
            AuditRecord record = AuditLogNodes.inbound(at, n, PEERS.get(n % PEERS.size()), n % 5 == 0 ? "Follow"
                    : "Create", n % 4 == 1 ? "signature_invalid" : "accepted");
            recorded.add(record);
            node.auditLog().record(record);
        }
    }

    @AfterEach
    void close() {
        node.close();
    }

    private AuditKeyIndexer indexer(int range) {
        return new AuditKeyIndexer(node.database(), keys, () -> node.auditLog().state().size(), range);
    }

    private long keyedUpTo() {
        return node.database().inTransaction(keys::keyedUpTo);
    }

    private void keyFirst(long count) {
        node.database().inTransaction(connection -> keys.copyKeys(connection, keyedUpTo(), count));
    }

    /** Every page of the filter, {@code pageSize} at a time, as sequence numbers. */
    private List<Long> allPages(AuditFilter first, int pageSize) {
        List<Long> found = new ArrayList<>();
        long after = -1;
        while (true) {
            AuditFilter page = new AuditFilter(first.from(), first.to(), first.peer(), first.actor(),
                    first.activityType(), first.direction(), first.kind(), first.result(), after, pageSize);
            List<StoredAuditEntry> entries = node.database().inTransaction(c -> store.list(c, page));
            entries.forEach(entry -> found.add(entry.entry().sequence()));
            if (entries.size() < pageSize) {
                return found;
            }
            after = found.get(found.size() - 1);
        }
    }

    private List<Long> expected(Predicate<AuditRecord> matches) {
        List<Long> sequences = new ArrayList<>();
        for (int n = 0; n < recorded.size(); n++) {
            if (matches.test(recorded.get(n))) {
                sequences.add((long) n);
            }
        }
        return sequences;
    }

    private static AuditFilter filter(Optional<Instant> from, Optional<Instant> to, Optional<String> peer,
            Optional<String> kind, Optional<String> result) {
        return new AuditFilter(from, to, peer, Optional.empty(), Optional.empty(), Optional.of(AuditDirection.INBOUND),
                kind, result, -1, AuditFilter.MAX_LIMIT);
    }

    private void assertSearchesFindWhatWasRecorded(String state) {
        Instant from = START.plus(Duration.ofDays(20));
        Instant to = START.plus(Duration.ofDays(60));
        Map<AuditFilter, Predicate<AuditRecord>> searches = Map.of(
                filter(Optional.empty(), Optional.empty(), Optional.of("legal.example"), Optional.empty(),
                        Optional.empty()), r -> r.peer().equals("legal.example"),
                filter(Optional.of(from), Optional.of(to), Optional.empty(), Optional.empty(), Optional.empty()),
                r -> !r.time().isBefore(from) && r.time().isBefore(to),
                filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(AuditKinds.INBOX_REJECTED),
                        Optional.empty()), r -> r.kind().equals(AuditKinds.INBOX_REJECTED),
                filter(Optional.of(from), Optional.empty(), Optional.of("sales.example"), Optional.empty(),
                        Optional.of("accepted")),
                r -> !r.time().isBefore(from) && r.peer().equals("sales.example") && r.result().equals("accepted"));
        searches.forEach((search, matches) -> {
            List<Long> expected = expected(matches);
            assertFalse(expected.isEmpty(), "a search that finds nothing proves nothing");
            assertEquals(expected, allPages(search, AuditFilter.MAX_LIMIT), state + ": " + search);
            assertEquals(expected, allPages(search, 3), state + ", in pages of 3: " + search);
        });
    }

    @Test
    void searchesFindTheSameEntriesWhetherNoneSomeOrAllAreKeyed() {
        assertEquals(0, keyedUpTo());
        assertSearchesFindWhatWasRecorded("none keyed");

        keyFirst(17);
        assertEquals(17, keyedUpTo());
        assertSearchesFindWhatWasRecorded("17 keyed");

        indexer(8).catchUp();
        assertEquals(ENTRIES, keyedUpTo());
        assertSearchesFindWhatWasRecorded("all keyed");
    }

    @Test
    void upgradingKeysTheEntriesOfAnOlderLog() {
        // The log as it was before V106: its keys indexed on audit_entries, no table of keys.
        node.database().inTransactionVoid(connection -> {
            for (String statement : List.of("DROP TABLE audit_entry_keys",
                    "CREATE INDEX audit_entries_time ON audit_entries (time_ms)",
                    "CREATE INDEX audit_entries_peer ON audit_entries (peer, time_ms)",
                    "CREATE INDEX audit_entries_kind ON audit_entries (kind, time_ms)",
                    "DELETE FROM schema_migrations WHERE name = '" + KEYS_MIGRATION + "'")) {
                Jdbc.update(connection, statement);
            }
        });

        assertEquals(List.of(KEYS_MIGRATION), new Migrations(node.database(), Clock.systemUTC()).apply());

        assertEquals(ENTRIES, keyedUpTo(), "every entry logged before is keyed");
        assertSearchesFindWhatWasRecorded("after the upgrade");
    }

    @Test
    void theIndexerCopiesCommittedEntriesInRangesAndResumesWhereTheTableEnds() {
        assertEquals(ENTRIES, indexer(7).catchUp());
        assertEquals(ENTRIES, keyedUpTo());
        assertEquals(0, indexer(7).catchUp(), "nothing new");

        for (int n = ENTRIES; n < ENTRIES + 5; n++) {
            node.auditLog().record(AuditLogNodes.inbound(START, n, "sales.example", "Create", "accepted"));
        }
        assertEquals(5, indexer(7).catchUp(), "a new indexer, as after a restart, copies only the new entries");
        assertEquals(ENTRIES + 5, keyedUpTo());
    }

    @Test
    void entriesMissingFromTheLogDoNotHoldBackTheKeysOfThoseAfterThem() {
        node.database().inTransactionVoid(c -> Jdbc.update(c, "DELETE FROM audit_entries WHERE seq >= 9 AND seq < 14"));

        assertEquals(ENTRIES - 5, indexer(4).catchUp());

        assertEquals(ENTRIES, keyedUpTo());
        List<Long> legal = allPages(filter(Optional.empty(), Optional.empty(), Optional.of("legal.example"),
                Optional.empty(), Optional.empty()), 100);
        assertEquals(expected(r -> r.peer().equals("legal.example")).stream().filter(seq -> seq < 9 || seq >= 14)
                .toList(), legal);
    }

    @Test
    void theIndexerNeverCopiesPastWhatTheLogHasCommitted() {
        AuditKeyIndexer behind = new AuditKeyIndexer(node.database(), keys, () -> 10, 4);

        assertEquals(10, behind.catchUp());
        assertEquals(10, keyedUpTo());
    }

    @Test
    void retentionPrunesOldBodiesWhetherTheirEntriesAreKeyedOrNot() {
        keyFirst(21);
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        Instant before = START.plus(Duration.ofDays(50)); // entries 0-25 (and 26, which sits 90 minutes earlier)
        AuditSettings accepted42Days = new AuditSettings(Duration.ofSeconds(15), Duration.ofMinutes(10),
                Duration.ofDays(365), Map.of(AuditKinds.INBOX_ACCEPTED, Duration.between(before, now)),
                Duration.ofSeconds(5), true);
        AuditRetention retention = new AuditRetention(node.database(), store, keys, accepted42Days,
                Clock.fixed(now, ZoneOffset.UTC), 3); // chunks of 3 entries, each a transaction

        int pruned = retention.prune();

        List<Long> old = expected(r -> r.time().isBefore(before) && r.kind().equals(AuditKinds.INBOX_ACCEPTED));
        assertTrue(old.stream().anyMatch(seq -> seq < 21) && old.stream().anyMatch(seq -> seq >= 21),
                "old entries on both sides of the keyed prefix");
        assertEquals(old.size(), pruned);
        for (long seq = 0; seq < ENTRIES; seq++) {
            StoredAuditEntry entry = find(seq);
            assertEquals(!old.contains(seq), entry.body().isPresent(), "entry " + seq);
        }
        assertEquals(0, retention.prune(), "nothing left to prune");
    }

    private StoredAuditEntry find(long seq) {
        return node.database().inTransaction(c -> store.find(c, seq)).orElseThrow();
    }

    @Test
    void kindsAndTheEarliestTrafficCountEntriesNotKeyedYet() {
        keyFirst(ENTRIES);
        node.auditLog().record(AuditRecord.of(START.plus(Duration.ofDays(300)), AuditDirection.LOCAL,
                AuditKinds.AUDIT_ALERT).withPeer("legal.example").withResult("stopped"));
        node.auditLog().record(AuditLogNodes.inbound(START.plus(Duration.ofDays(1)), 99, "hr.example", "Create",
                "accepted"));

        assertTrue(node.database().inTransaction(store::kinds).contains(AuditKinds.AUDIT_ALERT));
        assertEquals(Optional.of(START.plus(Duration.ofDays(1))), node.database().inTransaction(c ->
                store.earliestAfter(c, "hr.example", START, List.of(AuditKinds.INBOX_ACCEPTED), "%/checkpoints/%")),
                "the unkeyed entry is earlier than every keyed one");
        Instant firstKeyed = recorded.get(4).time(); // legal.example's first accepted entry (1 was rejected)
        assertEquals(Optional.of(firstKeyed), node.database().inTransaction(c -> store.earliestAfter(c,
                "legal.example", START, List.of(AuditKinds.INBOX_ACCEPTED), "%/checkpoints/%")),
                "its unkeyed entry is of another kind");
        assertEquals(Optional.empty(), node.database().inTransaction(c -> store.earliestAfter(c, "hr.example",
                START, List.of(AuditKinds.INBOX_ACCEPTED), "%/activities/%")), "every one excluded by its id");
    }
}
