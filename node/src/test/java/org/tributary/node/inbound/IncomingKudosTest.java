package org.tributary.node.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncomingKudosTest {

    @Test
    void theMessageIsTakenOutOfTheTextOurNodesWrite() {
        assertEquals("for the forecast", IncomingKudos.messageOf("Kudos to @bob, @ann: for the forecast #teamwork",
                "teamwork"));
        assertEquals("thanks: really", IncomingKudos.messageOf("Kudos to @bob: thanks: really", null));
        assertEquals("Great work from another server", IncomingKudos.messageOf("Great work from another server",
                null));
    }

    @Test
    void recipientsAreReadAsStringsOrLinkedObjectsAndJunkIsSkipped() {
        var object = Json.createObjectBuilder().add("recipient", Json.createArrayBuilder()
                .add("https://sales.example/users/bob").add(Json.createObjectBuilder().add("id",
                        "https://hr.example/users/carol")).add("not a uri").add(3)).build();
        assertEquals(List.of(URI.create("https://sales.example/users/bob"), URI.create("https://hr.example/users/carol")),
                IncomingKudos.recipientUris(object));
    }

    @Test
    void aKudosIsRecognisedByItsTypeInAnySpelling() {
        assertTrue(ObjectTypes.isKudos(Json.createObjectBuilder().add("type", Json.createArrayBuilder().add("Note")
                .add("Kudos")).build()));
        assertTrue(ObjectTypes.isKudos(Json.createObjectBuilder().add("type", Json.createArrayBuilder().add("Note")
                .add("https://w3id.org/tributary#Kudos")).build()));
        assertFalse(ObjectTypes.isKudos(Json.createObjectBuilder().add("type", "Note").build()));
    }
}
