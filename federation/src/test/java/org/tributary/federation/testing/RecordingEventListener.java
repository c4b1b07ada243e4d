package org.tributary.federation.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tributary.federation.spi.FederationEvent;
import org.tributary.federation.spi.FederationEventListener;

/** Keeps every event, in order, for assertions. */
public final class RecordingEventListener implements FederationEventListener {

    private final List<FederationEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(FederationEvent event) {
        events.add(event);
    }

    public List<FederationEvent> events() {
        return List.copyOf(events);
    }

    public <E extends FederationEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void clear() {
        events.clear();
    }
}
