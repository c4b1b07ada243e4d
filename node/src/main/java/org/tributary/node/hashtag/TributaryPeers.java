package org.tributary.node.hashtag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tributary.federation.discovery.DiscoveryException;
import org.tributary.federation.discovery.NodeInfoClient;
import org.tributary.node.peer.Peer;
import org.tributary.node.peer.PeerService;

/**
 * The allowlisted peers that run Tributary, by their NodeInfo software name. Only they serve tag
 * collections; other ActivityPub servers on the allowlist are never asked to subscribe. Answers are
 * remembered for a while; a peer that could not be asked is asked again next time.
 */
public final class TributaryPeers {
    public static final String SOFTWARE_NAME = "tributary";

    private final PeerService peers;
    private final NodeInfoClient nodeInfo;
    private final Clock clock;
    private final Duration remember;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public TributaryPeers(PeerService peers, NodeInfoClient nodeInfo, Clock clock, Duration remember) {
        this.peers = peers;
        this.nodeInfo = nodeInfo;
        this.clock = clock;
        this.remember = remember;
    }

    /** The authorities of the allowlisted peers that say they run Tributary (asks over the network). */
    public List<String> list() {
        return peers.list().stream().map(Peer::authority).filter(this::isTributary).toList();
    }

    public boolean isTributary(String authority) {
        Instant now = clock.instant();
        Answer known = answers.get(authority);
        if (known != null && known.until().isAfter(now)) {
            return known.tributary();
        }
        try {
            String name = nodeInfo.fetch(authority).software().name();
            boolean tributary = SOFTWARE_NAME.equals(name.toLowerCase(Locale.ROOT));
            answers.put(authority, new Answer(tributary, now.plus(remember)));
            return tributary;
        } catch (DiscoveryException e) {
            // Unreachable now: not remembered, so the next subscription attempt asks again.
            return false;
        }
    }

    private record Answer(boolean tributary, Instant until) {
    }
}
