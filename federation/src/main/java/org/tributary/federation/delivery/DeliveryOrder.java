package org.tributary.federation.delivery;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.tributary.federation.spi.DeliveryJob;

/**
 * Which sends must keep their order: those to one inbox about one object. A Create, Update and Delete of a
 * note, or a Follow and its Undo, reach the peer in the order they were queued; sends about different
 * objects to the same inbox run side by side. (One chain per inbox held every delivery to a peer behind
 * the previous one's round trip: benchmark 2's follower node, behind one shared inbox, fell seconds behind
 * at 50 posts/s.) An Undo is ordered with what it undoes: its key is the undone activity's object.
 */
final class DeliveryOrder {
    private DeliveryOrder() {
    }

    /** Sends with equal keys go one after another, in claim order. */
    static String keyOf(DeliveryJob job) {
        return job.inbox() + " " + subjectOf(job.body()).orElse(job.activityId().toString());
    }

    /** The id of the object the activity is about, if the body names one. */
    static Optional<String> subjectOf(byte[] body) {
        JsonObject activity;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            activity = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
        JsonValue object = activity.get("object");
        if (activity.get("type") instanceof JsonString type && type.getString().equals("Undo")
                && object instanceof JsonObject undone && undone.containsKey("object")) {
            object = undone.get("object");
        }
        return idOf(object);
    }

    private static Optional<String> idOf(JsonValue value) {
        if (value instanceof JsonString id) {
            return Optional.of(id.getString());
        }
        if (value instanceof JsonObject embedded && embedded.get("id") instanceof JsonString id) {
            return Optional.of(id.getString());
        }
        return Optional.empty();
    }
}
