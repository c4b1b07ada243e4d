package org.tributary.node.peer;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.node.audit.AuditKinds;
import org.tributary.node.audit.AuditRecord;
import org.tributary.node.audit.AuditTrail;
import org.tributary.node.store.Database;

/**
 * Manages the allowlist and answers "may we talk to this host?" from an in-memory snapshot, so the
 * check on every inbound request costs no query. Changes go through here and refresh the snapshot.
 */
public final class PeerService implements PeerPolicy {
    private final Database database;
    private final PeerStore store;
    private final Clock clock;
    private final AuditTrail trail;
    private final AtomicReference<Set<String>> allowed = new AtomicReference<>(Set.of());

    /** @param trail where every allowlist change is logged (the audit log) */
    public PeerService(Database database, PeerStore store, Clock clock, AuditTrail trail) {
        this.database = database;
        this.store = store;
        this.clock = clock;
        this.trail = trail;
        refresh();
    }

    @Override
    public boolean isAllowedAuthority(String authority) {
        return authority != null && allowed.get().contains(authority.toLowerCase(Locale.ROOT));
    }

    public List<Peer> list() {
        return database.inTransaction(store::list);
    }

    /** Adds a peer given as {@code host}, {@code host:port} or a URL; returns its normalised authority. */
    public String add(String peer, String note) {
        String authority = normalise(peer);
        database.inTransaction(connection -> store.add(connection, new Peer(authority, clock.instant(), note)));
        refresh();
        trail.record(policyChange(authority, "added", note));
        return authority;
    }

    public boolean remove(String peer) {
        String authority = normalise(peer);
        boolean removed = database.inTransaction(connection -> store.remove(connection, authority));
        refresh();
        trail.record(policyChange(authority, removed ? "removed" : "not_listed", ""));
        return removed;
    }

    private AuditRecord policyChange(String authority, String result, String note) {
        return AuditRecord.of(clock.instant(), AuditDirection.LOCAL, AuditKinds.ADMIN_PEER_POLICY)
                .withPeer(authority).withActivity("", "peer-allowlist", "", authority).withResult(result)
                .withMessage(note.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    }

    private void refresh() {
        allowed.set(database.inTransaction(store::list).stream().map(Peer::authority).collect(Collectors.toUnmodifiableSet()));
    }

    /** Accepts {@code host}, {@code host:port} or {@code http(s)://host:port/...}; lower-cases the host. */
    public static String normalise(String peer) {
        String value = peer.strip();
        URI uri = URI.create(value.contains("://") ? value : "http://" + value);
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("not a host or host:port: " + peer);
        }
        return PeerPolicy.authorityOf(uri);
    }
}
