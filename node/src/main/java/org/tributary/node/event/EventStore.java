package org.tributary.node.event;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tributary.node.store.Jdbc;

/** The events and event_rsvps tables. */
public final class EventStore {

    public void insertIfAbsent(Connection connection, Event event) throws SQLException {
        if (find(connection, event.statusId()).isPresent()) {
            return;
        }
        Place place = event.place();
        Jdbc.update(connection, "INSERT INTO events (status_id, name, start_time, end_time, place_name, place_key, "
                + "latitude, longitude, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", event.statusId(), event.name(),
                event.startTime(), event.endTime() == null ? Jdbc.nullOf(Types.TIMESTAMP) : event.endTime(),
                place == null ? null : place.name(),
                place == null || place.name() == null ? null : place.name().toLowerCase(Locale.ROOT),
                place == null || place.latitude() == null ? Jdbc.nullOf(Types.DOUBLE) : place.latitude(),
                place == null || place.longitude() == null ? Jdbc.nullOf(Types.DOUBLE) : place.longitude(),
                place == null ? null : place.address());
    }

    public Optional<Event> find(Connection connection, long statusId) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT * FROM events WHERE status_id = ?", EventStore::map, statusId);
    }

    public void answer(Connection connection, long statusId, long accountId, RsvpAnswer answer, Instant at)
            throws SQLException {
        int updated = Jdbc.update(connection, "UPDATE event_rsvps SET answer = ?, updated_at = ? "
                + "WHERE status_id = ? AND account_id = ?", answer, at, statusId, accountId);
        if (updated == 0) {
            Jdbc.update(connection, "INSERT INTO event_rsvps (status_id, account_id, answer, updated_at) "
                    + "VALUES (?, ?, ?, ?)", statusId, accountId, answer, at);
        }
    }

    public List<Rsvp> rsvps(Connection connection, long statusId) throws SQLException {
        return Jdbc.query(connection, "SELECT status_id, account_id, answer, updated_at FROM event_rsvps "
                + "WHERE status_id = ? ORDER BY updated_at, account_id", row -> new Rsvp(row.getLong(1),
                row.getLong(2), RsvpAnswer.valueOf(row.getString(3).toUpperCase(Locale.ROOT)),
                Jdbc.instant(row, "updated_at")), statusId);
    }

    private static Event map(ResultSet row) throws SQLException {
        double latitude = row.getDouble("latitude");
        Double lat = row.wasNull() ? null : latitude;
        double longitude = row.getDouble("longitude");
        Double lon = row.wasNull() ? null : longitude;
        String placeName = row.getString("place_name");
        String address = row.getString("address");
        Place place = placeName == null && lat == null && address == null ? null
                : new Place(placeName, lat, lon, address);
        return new Event(row.getLong("status_id"), row.getString("name"), Jdbc.instant(row, "start_time"),
                Jdbc.instant(row, "end_time"), place);
    }
}
