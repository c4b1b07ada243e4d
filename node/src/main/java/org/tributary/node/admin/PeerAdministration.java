package org.tributary.node.admin;

import java.util.List;
import org.tributary.node.delivery.DeadDelivery;
import org.tributary.node.delivery.DeliveryStore;
import org.tributary.node.http.ApiException;
import org.tributary.node.peer.Peer;
import org.tributary.node.peer.PeerService;

/** The allowlist and dead deliveries, as admins manage them; each change is recorded. */
public final class PeerAdministration {
    private final PeerService peers;
    private final DeliveryStore deliveries;
    private final AdminActionLog log;

    public PeerAdministration(PeerService peers, DeliveryStore deliveries, AdminActionLog log) {
        this.peers = peers;
        this.deliveries = deliveries;
        this.log = log;
    }

    public List<Peer> peers() {
        return peers.list();
    }

    /** Allows a peer given as host, host:port or URL; returns its authority. */
    public String addPeer(String actor, String peer, String note) {
        String authority;
        try {
            authority = peers.add(peer, note == null ? "" : note);
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, "invalid_peer", "expected host, host:port or a URL");
        }
        log.record(new AdminAction(actor, "peer.add", authority, note == null ? "" : note));
        return authority;
    }

    public void removePeer(String actor, String peer) {
        boolean removed;
        try {
            removed = peers.remove(peer);
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, "invalid_peer", "expected host, host:port or a URL");
        }
        if (!removed) {
            throw ApiException.notFound("peer");
        }
        log.record(new AdminAction(actor, "peer.remove", PeerService.normalise(peer), ""));
    }

    public List<DeadDelivery> deadDeliveries(int limit) {
        return deliveries.dead(Math.min(limit, AccountAdministration.MAX_PAGE));
    }

    public void retry(String actor, long deliveryId) {
        if (!deliveries.retryDead(deliveryId)) {
            throw ApiException.notFound("dead delivery");
        }
        log.record(new AdminAction(actor, "delivery.retry", String.valueOf(deliveryId), "queued again"));
    }
}
