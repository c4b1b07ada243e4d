package org.tributary.node.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.http.HeaderMap;
import org.tributary.node.NodeAssembly;
import org.tributary.node.config.NodeConfig;
import org.tributary.node.store.DerbyDataSources;

/** Nodes that are never started (no HTTP), over an in-memory store: enough to exercise the log itself. */
final class AuditLogNodes {
    private AuditLogNodes() {
    }

    static NodeAssembly create(String department, Clock clock, AuditSettings settings) {
        URI base = URI.create("http://127.0.0.1:1");
        NodeConfig config = new NodeConfig(base, "127.0.0.1", 1, Path.of("target", "nodes", department), department,
                256 * 1024, Duration.ofHours(1), Duration.ofMinutes(5));
        return NodeAssembly.create(config, DerbyDataSources.inMemory(department + "-" + UUID.randomUUID()), clock,
                settings);
    }

    /** A record like an inbound message from {@code peer}, with a body and headers. */
    static AuditRecord inbound(Instant at, int n, String peer, String type, String result) {
        return AuditRecord.of(at, AuditDirection.INBOUND, result.equals("accepted") ? AuditKinds.INBOX_ACCEPTED
                        : AuditKinds.INBOX_REJECTED)
                .withPeer(peer)
                .withActivity("http://" + peer + "/activities/" + n, type, "http://" + peer + "/users/u" + (n % 3),
                        "http://" + peer + "/notes/" + n)
                .withResult(result)
                .withMessage(("{\"n\":" + n + "}").getBytes(), HeaderMap.empty().with("signature", "sig" + n));
    }
}
