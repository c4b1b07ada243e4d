package org.tributary.node.oauth;

/**
 * A refused OAuth request. {@code error} is the RFC 6749 error name that OAuth client libraries read;
 * {@code code} is the node's stable, more specific code (for example {@code code_expired} where the
 * RFC only says {@code invalid_grant}); the message is safe to show.
 */
public final class OAuthException extends RuntimeException {
    private final int status;
    private final String error;
    private final String code;

    public OAuthException(int status, String error, String code, String safeMessage) {
        super(safeMessage);
        this.status = status;
        this.error = error;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String code() {
        return code;
    }

    static OAuthException invalidRequest(String message) {
        return new OAuthException(400, "invalid_request", "invalid_request", message);
    }

    static OAuthException invalidClient() {
        return new OAuthException(401, "invalid_client", "invalid_client", "client authentication failed");
    }

    static OAuthException invalidGrant(String code, String message) {
        return new OAuthException(400, "invalid_grant", code, message);
    }

    static OAuthException invalidScope(String message) {
        return new OAuthException(400, "invalid_scope", "invalid_scope", message);
    }

    static OAuthException redirectMismatch() {
        return new OAuthException(400, "invalid_grant", "redirect_uri_mismatch",
                "the redirect_uri is not the one registered for this client");
    }
}
