package org.tributary.node.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.tributary.node.oauth.OAuthException;

/**
 * OAuth refusals in the RFC 6749 §5.2 shape that OAuth libraries parse ({@code error},
 * {@code error_description}), plus the node's stable {@code code}.
 */
public final class OAuthErrorMapper implements ExceptionMapper<OAuthException> {
    @Override
    public Response toResponse(OAuthException e) {
        String body = Json.createObjectBuilder().add("error", e.error()).add("error_description", e.getMessage())
                .add("code", e.code()).build().toString();
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body).header("Cache-Control", "no-store");
        if (e.status() == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"oauth\"");
        }
        return response.build();
    }
}
