package org.tributary.federation.testing;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.spi.InboxStore;

/** An {@link InboxStore} in a map keyed by activity id. */
public final class InMemoryInboxStore implements InboxStore {

    /** One stored activity with what the pipeline recorded about it. */
    public record Stored(InboundActivity activity, Instant receivedAt, URI verifiedKeyId) { }

    private final Map<URI, Stored> byId = new LinkedHashMap<>();

    @Override
    public synchronized boolean storeIfAbsent(InboundActivity activity, Instant receivedAt, URI verifiedKeyId) {
        return byId.putIfAbsent(activity.id(), new Stored(activity, receivedAt, verifiedKeyId)) == null;
    }

    public synchronized List<Stored> all() {
        return new ArrayList<>(byId.values());
    }

    public synchronized Optional<Stored> get(URI activityId) {
        return Optional.ofNullable(byId.get(activityId));
    }
}
