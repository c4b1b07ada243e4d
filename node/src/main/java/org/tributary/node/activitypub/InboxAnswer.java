package org.tributary.node.activitypub;

import org.tributary.node.http.ErrorBodies;

/**
 * What an inbox answers: 202 with no body, or the node's error body with a stable code. {@code closeConnection}
 * is set when the request's body was not read to its end, so the connection cannot carry another request.
 */
public record InboxAnswer(int status, String code, String message, boolean closeConnection) {
    public static InboxAnswer accepted() {
        return new InboxAnswer(202, null, null, false);
    }

    public static InboxAnswer error(int status, String code, String message) {
        return new InboxAnswer(status, code, message, false);
    }

    public InboxAnswer closingConnection() {
        return new InboxAnswer(status, code, message, true);
    }

    public boolean hasBody() {
        return code != null;
    }

    /** The error body, as {@link ErrorBodies} writes it on every other endpoint. */
    public String body() {
        return ErrorBodies.json(code, message);
    }
}
