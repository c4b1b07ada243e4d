package org.tributary.node.audit;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.tributary.federation.spi.InboundActivity;

/**
 * Reads the type, actor and object id of an activity from raw bytes, for log entries whose event does
 * not carry them. Anything unreadable gives empty fields: the raw bytes are logged either way.
 */
record MessageFields(String type, String actor, String object) {
    static final MessageFields NONE = new MessageFields("", "", "");

    static MessageFields of(byte[] body) {
        if (body == null || body.length == 0 || body[0] != '{') {
            return NONE;
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return of(reader.readObject());
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return NONE;
        }
    }

    /** The fields of an activity the pipeline already parsed: no second parse of its bytes. */
    static MessageFields of(InboundActivity activity) {
        return of(activity.json());
    }

    private static MessageFields of(JsonObject json) {
        return new MessageFields(text(json.get("type")), text(json.get("actor")), text(json.get("object")));
    }

    /** A string, or the {@code id} of an embedded object. */
    private static String text(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonObject object) {
            return Optional.ofNullable(object.get("id")).map(MessageFields::text).orElse("");
        }
        return "";
    }
}
