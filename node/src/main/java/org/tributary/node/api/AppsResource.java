package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.tributary.node.auth.AccessToken;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;
import org.tributary.node.oauth.OAuthApp;
import org.tributary.node.oauth.OAuthException;
import org.tributary.node.oauth.OAuthService;
import org.tributary.node.oauth.RegisteredApp;

/** Mastodon's apps API: register a client application, and ask which app a token belongs to. */
@Path("/api/v1/apps")
@Produces(MediaType.APPLICATION_JSON)
public final class AppsResource {
    private final OAuthService oauth;
    private final AuthService auth;

    public AppsResource(OAuthService oauth, AuthService auth) {
        this.oauth = oauth;
        this.auth = auth;
    }

    /** Anyone may register an app: it can do nothing until an employee authorizes it. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public AppDto register(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        RequestParams params = RequestParams.parse(contentType, body);
        // redirect_uris may be one space-separated string or an array; an array arrives as several values.
        String redirectUris = String.join(" ", params.all("redirect_uris"));
        try {
            RegisteredApp registered = oauth.register(params.get("client_name"), redirectUris, params.get("scopes"),
                    params.get("website"));
            return dto(registered.app(), registered.clientSecret());
        } catch (OAuthException e) {
            // The apps endpoint is part of the REST API, whose errors carry the message in "error".
            throw new ApiException(e.status(), e.code(), e.getMessage());
        }
    }

    @GET
    @Path("verify_credentials")
    public AppDto verifyCredentials(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        AccessToken token = auth.token(authorization).orElseThrow(ApiException::unauthorized);
        OAuthApp app = token.appId().flatMap(oauth::app)
                .orElseThrow(() -> ApiException.notFound("application for this token"));
        return dto(app, null);
    }

    private static AppDto dto(OAuthApp app, String secret) {
        List<String> scopes = app.scopes().values().stream().sorted().toList();
        return new AppDto(String.valueOf(app.id()), app.name(), app.website() == null ? null : app.website().toString(),
                scopes, String.join("\n", app.redirectUris()), app.redirectUris(), app.clientId(), secret,
                secret == null ? null : 0L, null);
    }
}
