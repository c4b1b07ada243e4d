package org.tributary.spec.interop;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * An activity the Fedify peer accepted after verifying its signature.
 *
 * @param sequence order of arrival at the peer, from 1
 * @param receivedAt when the peer's listener ran
 * @param inbox {@code "peer"} for the actor's own inbox, {@code "shared"} for the shared inbox
 * @param type the activity type as Fedify compacts it, e.g. {@code Follow}
 * @param id the activity id, if it had one
 * @param actor the verified sender
 * @param object the id of the activity's object, if it had one
 * @param json the activity as Fedify understood it (compacted JSON-LD)
 * @param raw the body exactly as it arrived, if the peer could pair it with the activity
 */
public record ReceivedActivity(
        long sequence,
        Instant receivedAt,
        String inbox,
        String type,
        Optional<URI> id,
        URI actor,
        Optional<URI> object,
        JsonObject json,
        Optional<JsonObject> raw) {
}
