package org.tributary.node.inbox;

import jakarta.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.tributary.federation.inbox.ActivityParser;
import org.tributary.federation.spi.InboundActivity;

/** Small activities as the inbox pipeline would hand them over. */
final class InboxTestActivities {
    static final URI KEY = URI.create("https://sales.example/users/bob#main-key");

    private InboxTestActivities() {
    }

    static InboundActivity activity(String id, String type) {
        byte[] raw = Json.createObjectBuilder()
                .add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", "https://sales.example/activities/" + id)
                .add("type", type)
                .add("actor", "https://sales.example/users/bob")
                .add("object", "https://finance.example/users/alice")
                .build().toString().getBytes(StandardCharsets.UTF_8);
        return ((ActivityParser.Result.Parsed) new ActivityParser().parse(raw)).activity();
    }
}
