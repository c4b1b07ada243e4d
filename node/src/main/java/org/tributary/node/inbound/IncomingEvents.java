package org.tributary.node.inbound;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.Note;
import org.tributary.node.account.Account;
import org.tributary.node.event.Event;
import org.tributary.node.event.EventService;
import org.tributary.node.event.EventStore;
import org.tributary.node.event.Place;
import org.tributary.node.post.Status;

/**
 * A peer's Event: its name, times and place are kept beside the post so it shows in the event lists.
 * An Event without a readable {@code startTime} stays a plain post.
 */
public final class IncomingEvents implements IncomingPostPart {
    private final EventStore events;

    public IncomingEvents(EventStore events) {
        this.events = events;
    }

    @Override
    public void stored(Connection connection, Status status, Note note, JsonObject object, Account author,
            boolean created) throws SQLException {
        if (!created || !As2.EVENT.equals(note.type())) {
            return;
        }
        Instant start = instant(object.get("startTime"));
        if (start == null) {
            return;
        }
        String name = object.get("name") instanceof JsonString text ? text.getString().strip() : "";
        events.insertIfAbsent(connection, new Event(status.id(), truncate(name.isEmpty() ? "Event" : name,
                EventService.MAX_NAME), start, instant(object.get("endTime")), place(object.get("location"))));
    }

    private static Place place(JsonValue value) {
        if (!(value instanceof JsonObject location)) {
            return null;
        }
        String name = location.get("name") instanceof JsonString text ? truncate(text.getString(), EventService.MAX_NAME)
                : null;
        Double latitude = degrees(location.get("latitude"), 90);
        Double longitude = degrees(location.get("longitude"), 180);
        if (latitude == null || longitude == null) {
            latitude = null;
            longitude = null;
        }
        String address = location.get("address") instanceof JsonString text
                ? truncate(text.getString(), EventService.MAX_ADDRESS) : null;
        return name == null && latitude == null && address == null ? null
                : new Place(name, latitude, longitude, address);
    }

    private static Double degrees(JsonValue value, double limit) {
        if (value instanceof JsonNumber number && Math.abs(number.doubleValue()) <= limit) {
            return number.doubleValue();
        }
        return null;
    }

    private static Instant instant(JsonValue value) {
        if (!(value instanceof JsonString text)) {
            return null;
        }
        try {
            return Instant.parse(text.getString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String truncate(String text, int max) {
        String stripped = text.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
