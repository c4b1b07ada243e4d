package org.tributary.node.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.ObjectRef;

class ObjectShapesTest {
    private static final URI NOTE = URI.create("https://finance.example/users/alice/statuses/1");
    private static final JsonObject OBJECT = Json.createObjectBuilder().add("id", NOTE.toString()).add("type", "Note")
            .add("content", "hi").build();

    @Test
    void severalTypesBecomeAnArrayInPlaceAndExtraPropertiesAreAdded() {
        JsonObject shaped = ObjectShapes.reshape(OBJECT, List.of("Note", "Kudos"), o -> o.add("kudosValue", "x"));
        assertEquals(Json.createArrayBuilder().add("Note").add("Kudos").build(), shaped.get("type"));
        assertEquals(List.of("id", "type", "content", "kudosValue"), List.copyOf(shaped.keySet()));
        assertEquals("x", shaped.getString("kudosValue"));
    }

    @Test
    void oneTypeStaysAString() {
        Activity create = new Activity(URI.create(NOTE + "/activity"), "Create", URI.create("https://a/u"),
                new ObjectRef.Embedded(NOTE, "Note", OBJECT), List.of(), List.of(), null, null);
        Activity shaped = ObjectShapes.reshape(create, List.of("Question"), o -> { });
        ObjectRef.Embedded object = (ObjectRef.Embedded) shaped.object();
        assertEquals("Question", object.type());
        assertEquals("Question", object.json().getString("type"));
    }

    @Test
    void anObjectSentByReferenceCannotBeReshaped() {
        Activity accept = new Activity(URI.create("https://a/x"), "Accept", URI.create("https://a/u"),
                new ObjectRef.Link(NOTE), List.of(), List.of(), null, null);
        assertThrows(IllegalArgumentException.class, () -> ObjectShapes.reshape(accept, List.of("Note"), o -> { }));
    }
}
