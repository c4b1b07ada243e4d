package org.tributary.node.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tributary.node.audit.AuditKinds;
import org.tributary.node.audit.AuditRecord;
import org.tributary.node.audit.AuditTrail;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.TestDatabase;

class PeerServiceTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private static TestDatabase store;
    private final List<AuditRecord> logged = new ArrayList<>();
    private PeerService peers;

    @BeforeAll
    static void createStore() {
        store = TestDatabase.migrated(Clock.systemUTC());
    }

    @AfterAll
    static void dropStore() {
        store.close();
    }

    /** Every test starts from an empty allowlist. */
    @BeforeEach
    void emptyAllowlist() {
        store.database().inTransactionVoid(connection -> Jdbc.update(connection, "DELETE FROM peers"));
        peers = new PeerService(store.database(), new PeerStore(), clock, record -> {
            logged.add(record);
            return logged.size();
        });
    }

    @Test
    void everyAllowlistChangeIsHandedToTheAuditTrail() {
        peers.add("sales.example", "quarterly reporting");
        peers.remove("sales.example");
        peers.remove("sales.example");
        assertEquals(List.of("added", "removed", "not_listed"), logged.stream().map(AuditRecord::result).toList());
        assertTrue(logged.stream().allMatch(record -> record.kind().equals(AuditKinds.ADMIN_PEER_POLICY)
                && record.peer().equals("sales.example")));
    }

    @ParameterizedTest
    @CsvSource({
        "sales.example, sales.example",
        "'  sales.example  ', sales.example",
        "Sales.EXAMPLE, sales.example",
        "sales.example:8443, sales.example:8443",
        "127.0.0.1:8083, 127.0.0.1:8083",
        "https://Sales.Example:8443/users/bob, sales.example:8443",
        "http://sales.example, sales.example",
        "https://sales.example/, sales.example",
    })
    void normalisesHostsAuthoritiesAndUrls(String given, String expected) {
        assertEquals(expected, PeerService.normalise(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a host!", "http://", ":8080", "https:///users/bob", "sales.example:port",
        "http://[::1"})
    void refusesWhatIsNotAHost(String garbage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeerService.normalise(garbage));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void addListAndRemove() {
        assertEquals("sales.example:8443", peers.add("https://SALES.example:8443/", "sales department"));
        assertEquals("engineering.example", peers.add("engineering.example", ""));

        assertEquals(List.of(new Peer("engineering.example", NOW, ""),
                new Peer("sales.example:8443", NOW, "sales department")), peers.list());

        assertTrue(peers.remove("sales.example:8443"));
        assertFalse(peers.remove("sales.example:8443"), "removing twice reports that nothing was there");
        assertEquals(List.of("engineering.example"), peers.list().stream().map(Peer::authority).toList());
    }

    @Test
    void addingTwiceKeepsOneEntry() {
        peers.add("sales.example", "first");
        peers.add("SALES.example", "second");
        assertEquals(List.of(new Peer("sales.example", NOW, "first")), peers.list());
    }

    @Test
    void theAllowlistSnapshotFollowsAddAndRemove() {
        assertFalse(peers.isAllowedAuthority("sales.example:8443"));

        peers.add("sales.example:8443", "");
        assertTrue(peers.isAllowedAuthority("sales.example:8443"));
        assertTrue(peers.isAllowedAuthority("SALES.example:8443"));
        assertFalse(peers.isAllowedAuthority("sales.example"), "another port is another node");
        assertFalse(peers.isAllowedAuthority(null));
        assertTrue(peers.isAllowed(URI.create("https://sales.example:8443/users/bob")));
        assertFalse(peers.isAllowed(URI.create("ftp://sales.example:8443/users/bob")));

        peers.remove("https://sales.example:8443");
        assertFalse(peers.isAllowedAuthority("sales.example:8443"));
        assertFalse(peers.isAllowed(URI.create("https://sales.example:8443/users/bob")));
    }

    @Test
    void aNewServiceLoadsTheStoredAllowlist() {
        peers.add("sales.example", "");
        PeerService restarted = new PeerService(store.database(), new PeerStore(), clock,
                AuditTrail.discarding());
        assertTrue(restarted.isAllowedAuthority("sales.example"));
    }
}
