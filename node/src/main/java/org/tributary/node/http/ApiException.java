package org.tributary.node.http;

/**
 * The one exception every HTTP layer of the node throws for a request it refuses: an HTTP status, a
 * stable machine-readable code and a message that is safe to show to the caller.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String safeMessage) {
        super(safeMessage);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found");
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", "a valid access token is required");
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(403, code, message);
    }
}
