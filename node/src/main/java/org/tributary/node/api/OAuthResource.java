package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.tributary.node.oauth.IssuedToken;
import org.tributary.node.oauth.OAuthService;
import org.tributary.node.oauth.TokenRequest;

/**
 * The OAuth 2 token and revocation endpoints. Parameters may come as a form (the standard), JSON or
 * multipart (as Mastodon client libraries send them); the client may authenticate in the body or
 * with HTTP Basic (RFC 6749 §2.3.1).
 */
@Path("/oauth")
@Produces(MediaType.APPLICATION_JSON)
public final class OAuthResource {
    private final OAuthService oauth;

    public OAuthResource(OAuthService oauth) {
        this.oauth = oauth;
    }

    @POST
    @Path("token")
    @Consumes(MediaType.WILDCARD)
    public Response token(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        RequestParams params = RequestParams.parse(contentType, body);
        String[] client = client(params, authorization);
        IssuedToken issued = oauth.token(new TokenRequest(params.get("grant_type"), client[0], client[1],
                params.get("code"), params.get("redirect_uri"), params.get("code_verifier"), params.get("username"),
                params.get("password"), params.get("scope")));
        TokenDto dto = new TokenDto(issued.accessToken(), "Bearer", issued.scopes().toString(),
                issued.createdAt().getEpochSecond());
        return Response.ok(dto).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.WILDCARD)
    public Response revoke(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        RequestParams params = RequestParams.parse(contentType, body);
        String[] client = client(params, authorization);
        oauth.revoke(client[0], client[1], params.get("token"));
        return Response.ok(Map.of()).build();
    }

    /** {@code [client_id, client_secret]} from the body, else from an HTTP Basic header. */
    private static String[] client(RequestParams params, String authorization) {
        if (params.first("client_id").isPresent()
                || authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new String[] {params.get("client_id"), params.get("client_secret")};
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return new String[] {null, null};
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return new String[] {null, null};
        }
    }
}
