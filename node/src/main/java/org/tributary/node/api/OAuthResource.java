package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;

/** OAuth 2 token endpoint; the password grant serves scripts and the demo. */
@Path("/oauth/token")
@Produces(MediaType.APPLICATION_JSON)
public final class OAuthResource {
    private static final String DEFAULT_SCOPES = "read write follow";

    private final AuthService auth;
    private final Clock clock;

    public OAuthResource(AuthService auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
    }

    /** The token request as JSON, which some clients send instead of a form. */
    public record TokenRequest(String grantType, String username, String password, String scope) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TokenDto tokenFromForm(@FormParam("grant_type") String grantType, @FormParam("username") String username,
            @FormParam("password") String password, @FormParam("scope") String scope) {
        return token(grantType, username, password, scope);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenDto tokenFromJson(TokenRequest request) {
        if (request == null) {
            throw ApiException.badRequest("invalid_request", "a token request body is required");
        }
        return token(request.grantType(), request.username(), request.password(), request.scope());
    }

    private TokenDto token(String grantType, String username, String password, String scope) {
        if (!"password".equals(grantType)) {
            throw ApiException.badRequest("unsupported_grant_type", "supported grant types: password");
        }
        String scopes = scope == null || scope.isBlank() ? DEFAULT_SCOPES : scope;
        String token = auth.login(username, password, scopes);
        return new TokenDto(token, "Bearer", scopes, clock.instant().getEpochSecond());
    }
}
