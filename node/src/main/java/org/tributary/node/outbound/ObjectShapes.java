package org.tributary.node.outbound;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Consumer;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.ObjectRef;

/**
 * Changes the object embedded in an outgoing activity: more types, extra properties. Used by the kinds
 * of post that are a Note to a generic server and something more to a Tributary node (a kudos, a
 * question), and by those with a type of their own (a poll's Question, an Event).
 */
public final class ObjectShapes {
    private ObjectShapes() {
    }

    /**
     * The same activity whose embedded object has {@code types} as its {@code type} (the first one is
     * what a generic server reads) and the properties {@code extra} adds.
     */
    public static Activity reshape(Activity activity, List<String> types, Consumer<JsonObjectBuilder> extra) {
        if (!(activity.object() instanceof ObjectRef.Embedded embedded)) {
            throw new IllegalArgumentException("only an embedded object can be reshaped: " + activity.id());
        }
        JsonObject json = reshape(embedded.json(), types, extra);
        return new Activity(activity.id(), activity.type(), activity.actor(),
                new ObjectRef.Embedded(embedded.id(), types.get(0), json), activity.to(), activity.cc(),
                activity.published(), activity.extensions());
    }

    /** The object with the given types and extra properties; {@code type} keeps its place first. */
    public static JsonObject reshape(JsonObject object, List<String> types, Consumer<JsonObjectBuilder> extra) {
        JsonObjectBuilder builder = Json.createObjectBuilder(object);
        if (types.size() == 1) {
            builder.add("type", types.get(0));
        } else {
            JsonArrayBuilder array = Json.createArrayBuilder();
            types.forEach(array::add);
            builder.add("type", array);
        }
        extra.accept(builder);
        return builder.build();
    }
}
