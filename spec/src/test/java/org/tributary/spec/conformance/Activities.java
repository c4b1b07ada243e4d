package org.tributary.spec.conformance;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The activities a peer sends, as the JSON bytes that go on the wire. */
final class Activities {
    static final String AS = "https://www.w3.org/ns/activitystreams";
    static final String PUBLIC = AS + "#Public";

    private Activities() {
    }

    static JsonObject follow(URI id, URI actor, URI followed) {
        return base(id, "Follow", actor).add("object", followed.toString()).build();
    }

    static JsonObject undo(URI id, URI actor, JsonObject activity) {
        return base(id, "Undo", actor).add("object", activity).build();
    }

    /** A public Create(Note) embedding the note, with the note's {@code id} and {@code attributedTo} as given. */
    static JsonObject createNote(URI id, URI actor, URI noteId, URI attributedTo) {
        JsonObject note = Json.createObjectBuilder()
                .add("id", noteId.toString())
                .add("type", "Note")
                .add("attributedTo", attributedTo.toString())
                .add("content", "<p>Quarterly numbers are in</p>")
                .add("to", Json.createArrayBuilder().add(PUBLIC))
                .build();
        return base(id, "Create", actor).add("object", note)
                .add("to", Json.createArrayBuilder().add(PUBLIC)).build();
    }

    static byte[] bytes(JsonObject activity) {
        return activity.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObjectBuilder base(URI id, String type, URI actor) {
        return Json.createObjectBuilder().add("@context", AS).add("id", id.toString()).add("type", type)
                .add("actor", actor.toString());
    }
}
