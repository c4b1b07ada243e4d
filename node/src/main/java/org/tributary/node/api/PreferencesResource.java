package org.tributary.node.api;

import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.tributary.node.auth.AuthService;
import org.tributary.node.post.Visibility;

/**
 * What clients read at start-up to set themselves up: the employee's posting preferences, their
 * filters and the node's custom emojis. The node has no per-employee preferences, no filters and no
 * custom emojis, so these give the node's defaults and empty lists.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public final class PreferencesResource {
    private final AuthService auth;

    public PreferencesResource(AuthService auth) {
        this.auth = auth;
    }

    @GET
    @Path("v1/preferences")
    public Response preferences(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        auth.require(authorization);
        String body = Json.createObjectBuilder()
                .add("posting:default:visibility", Visibility.ORGANIZATION.mastodonName())
                .add("posting:default:sensitive", false)
                .addNull("posting:default:language")
                .add("reading:expand:media", "default")
                .add("reading:expand:spoilers", false)
                .build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("v1/filters")
    public List<Object> filtersV1(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        auth.require(authorization);
        return List.of();
    }

    @GET
    @Path("v2/filters")
    public List<Object> filtersV2(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        auth.require(authorization);
        return List.of();
    }

    /** Public, like Mastodon's: clients load emojis before anyone logs in. */
    @GET
    @Path("v1/custom_emojis")
    public List<Object> customEmojis() {
        return List.of();
    }
}
