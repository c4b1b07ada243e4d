package org.tributary.federation.delivery;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.tributary.federation.spi.DeliveryJob;

/**
 * The jobs to enqueue for one activity, and the recipient inboxes left out because their peer is not
 * allowed (or the inbox is not an http(s) URL), so that the node can say so in its log.
 */
public record DeliveryPlan(List<DeliveryJob> jobs, List<URI> droppedInboxes) {
    public DeliveryPlan {
        jobs = List.copyOf(Objects.requireNonNull(jobs, "jobs"));
        droppedInboxes = List.copyOf(Objects.requireNonNull(droppedInboxes, "droppedInboxes"));
    }
}
