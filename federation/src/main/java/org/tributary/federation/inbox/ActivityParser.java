package org.tributary.federation.inbox;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tributary.federation.FederationError;
import org.tributary.federation.spi.InboundActivity;

/**
 * Reads the raw bytes of an activity into an {@link InboundActivity}, checking only its shape: a JSON
 * object with an absolute http(s) {@code id}, a {@code type} and an {@code actor}. The node also uses it
 * to rebuild activities it drains from its durable inbox.
 */
public final class ActivityParser {

    /** The result of parsing: an activity, or the reason it is not one. */
    public sealed interface Result {
        record Parsed(InboundActivity activity) implements Result {
            public Parsed {
                Objects.requireNonNull(activity, "activity");
            }
        }

        record Invalid(FederationError error, String detail) implements Result {
            public Invalid {
                Objects.requireNonNull(error, "error");
                Objects.requireNonNull(detail, "detail");
            }
        }
    }

    // Duplicate member names are refused: a verifier and a handler must never read different values.
    private final JsonReaderFactory readers =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    public Result parse(byte[] raw) {
        JsonStructure structure;
        try (JsonReader reader = readers.createReader(new ByteArrayInputStream(raw))) {
            structure = reader.read();
        } catch (JsonException | IllegalStateException | IllegalArgumentException notJson) {
            return new Result.Invalid(FederationError.MALFORMED_JSON, "body is not well-formed JSON");
        }
        if (structure.getValueType() != JsonValue.ValueType.OBJECT) {
            return new Result.Invalid(FederationError.MALFORMED_ACTIVITY, "body is not a JSON object");
        }
        return parseObject(structure.asJsonObject(), raw);
    }

    private Result parseObject(JsonObject json, byte[] raw) {
        Optional<URI> id = JsonFields.absoluteHttpUri(json.get("id"));
        if (id.isEmpty()) {
            return invalid("activity has no absolute http(s) id");
        }
        Optional<String> type = JsonFields.firstType(json.get("type"));
        if (type.isEmpty()) {
            return invalid("activity has no type");
        }
        Optional<URI> actor = JsonFields.referencedId(json.get("actor"));
        if (actor.isEmpty()) {
            return invalid("activity has no absolute http(s) actor");
        }
        JsonValue object = json.get("object");
        Optional<URI> objectId = JsonFields.referencedId(object);
        Optional<URI> attributedTo = Optional.empty();
        if (object != null && object.getValueType() == JsonValue.ValueType.OBJECT) {
            var owners = JsonFields.referencedIds(object.asJsonObject().get("attributedTo"));
            if (owners.size() == 1) {
                attributedTo = Optional.of(owners.get(0));
            }
        }
        return new Result.Parsed(new InboundActivity(
                id.get(), type.get(), actor.get(), objectId, attributedTo, json, raw));
    }

    private static Result invalid(String detail) {
        return new Result.Invalid(FederationError.MALFORMED_ACTIVITY, detail);
    }
}
