package org.tributary.federation.delivery;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tributary.federation.inbox.Origin;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.federation.spi.PeerPolicy;

/**
 * Turns an activity's recipients into delivery jobs: one request per peer node, not per follower.
 *
 * <p>Recipients are grouped by their inbox's authority. When any recipient on a node names a shared inbox
 * on that same node, the whole group gets one job to that shared inbox (the receiving node routes by the
 * activity's addressing). A node whose actors have no shared inbox gets one job per distinct inbox, as
 * ActivityPub requires. A shared inbox on another origin than the actor's inbox is ignored, so that no
 * peer can steer our deliveries to a third host. Inboxes of peers the policy does not allow are dropped.
 */
public final class DeliveryPlanner {

    private final PeerPolicy peers;
    private final Clock clock;

    public DeliveryPlanner(PeerPolicy peers, Clock clock) {
        this.peers = Objects.requireNonNull(peers, "peers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DeliveryPlan plan(URI activityId, byte[] body, URI signingKeyId, Collection<RecipientInbox> recipients) {
        Map<String, PeerGroup> groups = new LinkedHashMap<>();
        List<URI> dropped = new ArrayList<>();
        for (RecipientInbox recipient : recipients) {
            URI inbox = recipient.inbox();
            if (Origin.of(inbox).isEmpty() || !peers.isAllowed(inbox)) {
                dropped.add(inbox);
                continue;
            }
            PeerGroup group = groups.computeIfAbsent(PeerPolicy.authorityOf(inbox), authority -> new PeerGroup());
            group.inboxes.add(inbox);
            recipient.sharedInbox()
                    .filter(shared -> Origin.same(shared, inbox))
                    .filter(shared -> group.sharedInbox.isEmpty())
                    .ifPresent(shared -> group.sharedInbox = Optional.of(shared));
        }
        List<DeliveryJob> jobs = new ArrayList<>();
        for (PeerGroup group : groups.values()) {
            Collection<URI> targets = group.sharedInbox.<Collection<URI>>map(List::of).orElse(group.inboxes);
            for (URI target : targets) {
                jobs.add(DeliveryJob.unsaved(activityId, target, body, signingKeyId, clock.instant()));
            }
        }
        return new DeliveryPlan(jobs, dropped);
    }

    /** The recipients on one peer node. */
    private static final class PeerGroup {
        private final Set<URI> inboxes = new LinkedHashSet<>();
        private Optional<URI> sharedInbox = Optional.empty();
    }
}
