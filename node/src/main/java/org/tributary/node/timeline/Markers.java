package org.tributary.node.timeline;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tributary.node.account.Account;
import org.tributary.node.http.ApiException;
import org.tributary.node.store.Database;

/** Reading positions, so an employee's apps agree on where they left off. */
public final class Markers {
    public static final Set<String> TIMELINES = Set.of("home", "notifications");

    private final Database database;
    private final MarkerStore markers;
    private final Clock clock;

    public Markers(Database database, MarkerStore markers, Clock clock) {
        this.database = database;
        this.markers = markers;
        this.clock = clock;
    }

    /** The saved markers among the requested timelines (unknown names are ignored, as Mastodon does). */
    public Map<String, Marker> read(Account employee, List<String> timelines) {
        return database.inTransaction(connection -> {
            Map<String, Marker> found = new LinkedHashMap<>();
            for (String timeline : timelines) {
                if (TIMELINES.contains(timeline)) {
                    markers.find(connection, employee.id(), timeline).ifPresent(m -> found.put(timeline, m));
                }
            }
            return found;
        });
    }

    public Map<String, Marker> save(Account employee, Map<String, Long> positions) {
        if (positions.isEmpty()) {
            throw ApiException.badRequest("missing_marker", "give home[last_read_id] or notifications[last_read_id]");
        }
        return database.inTransaction(connection -> {
            Map<String, Marker> saved = new LinkedHashMap<>();
            for (Map.Entry<String, Long> position : positions.entrySet()) {
                saved.put(position.getKey(), markers.save(connection, employee.id(), position.getKey(),
                        position.getValue(), clock.instant()));
            }
            return saved;
        });
    }
}
