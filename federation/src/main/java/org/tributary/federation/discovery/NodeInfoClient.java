package org.tributary.federation.discovery;

import java.net.URI;
import java.net.http.HttpClient;
import org.tributary.federation.spi.PeerPolicy;

/**
 * Fetches a peer's NodeInfo 2.1: first {@code /.well-known/nodeinfo}, then the 2.1 document it
 * links to, which must be on the same authority.
 */
public final class NodeInfoClient {

    private final BoundedGet get;
    private final String scheme;
    private final NodeInfoCodec codec = new NodeInfoCodec();

    /**
     * @param scheme {@code https}, or {@code http} for nodes on loopback
     */
    public NodeInfoClient(HttpClient http, PeerPolicy policy, String scheme) {
        this(http, policy, scheme, FetchLimits.DEFAULT);
    }

    public NodeInfoClient(HttpClient http, PeerPolicy policy, String scheme, FetchLimits limits) {
        this.get = new BoundedGet(http, policy, limits);
        this.scheme = WebFingerClient.checkedScheme(scheme);
    }

    /**
     * @param authority the peer, {@code host} or {@code host:port}
     * @throws DiscoveryException {@code PEER_NOT_ALLOWED} before any request for a peer the policy
     *                            refuses; {@code FETCH_FAILED} for anything else that goes wrong
     */
    public NodeInfoDocument fetch(String authority) throws DiscoveryException {
        String peer = Authorities.normalize(authority)
                .orElseThrow(() -> DiscoveryException.fetchFailed("invalid authority"));
        URI wellKnown = URI.create(scheme + "://" + peer + "/.well-known/nodeinfo");
        int maxBytes = get.limits().maxBytes();
        URI documentUrl = codec.readWellKnown(get.get(wellKnown, "application/json"), maxBytes)
                .orElseThrow(() -> DiscoveryException.fetchFailed("no NodeInfo 2.1 link at " + wellKnown));
        if (!BoundedGet.sameAuthority(wellKnown, documentUrl)) {
            throw DiscoveryException.fetchFailed("NodeInfo 2.1 link of " + peer + " is on another host");
        }
        return codec.read(get.get(documentUrl, NodeInfoCodec.MEDIA_TYPE), maxBytes);
    }
}
