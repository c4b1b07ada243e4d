package org.tributary.node.http;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The node's error body, the same on every endpoint: {@code {"error": "<message>", "code": "<code>"}}.
 * {@code error} is what Mastodon clients read; {@code code} is stable for programs.
 */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    public static Response response(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json(code, message)).build();
    }

    /** The body alone, for an endpoint served outside Jersey. */
    public static String json(String code, String message) {
        return Json.createObjectBuilder().add("error", message).add("code", code).build().toString();
    }
}
