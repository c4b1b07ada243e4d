package org.tributary.node.audit;

import java.net.URI;
import java.util.List;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.delivery.DeliveryPlanner;
import org.tributary.federation.delivery.RecipientInbox;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.DeliveryStore;
import org.tributary.node.store.Database;

/**
 * Sends a signed checkpoint to every Tributary peer's instance actor as a {@link CheckpointActivity},
 * through the ordinary delivery queue (signed, retried, and logged like every delivery).
 */
public final class CheckpointPublisher {
    private final Database database;
    private final DeliveryStore deliveries;
    private final DeliveryPlanner planner;
    private final CheckpointActivity activities;
    private final TributaryPeers peers;
    private final LocalUris uris;
    private final String scheme;

    public CheckpointPublisher(Database database, DeliveryStore deliveries, DeliveryPlanner planner,
            CheckpointActivity activities, TributaryPeers peers, LocalUris uris) {
        this.database = database;
        this.deliveries = deliveries;
        this.planner = planner;
        this.activities = activities;
        this.peers = peers;
        this.uris = uris;
        this.scheme = uris.base().getScheme();
    }

    /** Queues the checkpoint for every Tributary peer; returns how many deliveries were queued. */
    public int publish(SignedCheckpoint checkpoint) {
        URI actor = uris.actor(LocalUris.INSTANCE_ACTOR_USERNAME);
        URI keyId = uris.rsaKeyId(LocalUris.INSTANCE_ACTOR_USERNAME);
        URI activityId = CheckpointActivity.activityId(checkpoint.checkpoint());
        int queued = 0;
        for (String peer : peers.list()) {
            URI peerActor = URI.create(scheme + "://" + peer + "/actor");
            byte[] body = activities.encode(checkpoint, uris.context(), actor, peerActor);
            List<DeliveryJob> jobs = planner.plan(activityId, body, keyId,
                    List.of(RecipientInbox.personal(URI.create(peerActor + "/inbox")))).jobs();
            database.inTransaction(connection -> deliveries.enqueue(connection, jobs));
            queued += jobs.size();
        }
        return queued;
    }
}
