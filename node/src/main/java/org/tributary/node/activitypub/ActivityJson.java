package org.tributary.node.activitypub;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/** Responses carrying ActivityStreams documents, with the content type peers expect. */
final class ActivityJson {
    static final String MEDIA_TYPE = "application/activity+json";

    private ActivityJson() {
    }

    static Response ok(JsonObject document) {
        return Response.ok(document.toString(), MEDIA_TYPE + "; charset=utf-8").build();
    }
}
