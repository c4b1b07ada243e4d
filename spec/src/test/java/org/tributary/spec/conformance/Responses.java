package org.tributary.spec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Assertions on the node's HTTP answers, with the whole response in the failure message. */
final class Responses {
    private Responses() {
    }

    /** The node refused with {@code status} and the error body's stable {@code code}. */
    static void assertRejected(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), () -> describe(response));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> "error bodies are JSON: " + describe(response));
        assertEquals(code, JsonBodies.parse(response.body()).getString("code", null), () -> describe(response));
    }

    static void assertStatus(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), () -> describe(response));
    }

    /** A 200 with an ActivityStreams document; returns the document. */
    static JsonObject assertActivityJson(HttpResponse<String> response) {
        assertStatus(response, 200);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith(SignedHttp.ACTIVITY_JSON), () -> "content type " + contentType);
        return JsonBodies.parse(response.body());
    }

    static String describe(HttpResponse<String> response) {
        return response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
                + response.headers().map() + " " + response.body();
    }
}
