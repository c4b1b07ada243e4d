package org.tributary.node.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AuthService;
import org.tributary.node.post.Page;
import org.tributary.node.timeline.HomeEntry;
import org.tributary.node.timeline.HomeTimeline;

/**
 * Mastodon's home timeline (posts and boosts), paged with {@code max_id}/{@code since_id}/{@code min_id}
 * and Link headers.
 */
@Path("/api/v1/timelines")
@Produces(MediaType.APPLICATION_JSON)
public final class TimelinesResource {
    private final AuthService auth;
    private final HomeTimeline home;
    private final ClientModels models;

    public TimelinesResource(AuthService auth, HomeTimeline home, ClientModels models) {
        this.auth = auth;
        this.home = home;
        this.models = models;
    }

    @GET
    @Path("home")
    public Response home(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Account viewer = auth.require(authorization);
        Page page = new Page(maxId, sinceId, minId, limit == null ? Page.DEFAULT_LIMIT : limit);
        List<HomeEntry> entries = home.page(viewer, page);
        Response.ResponseBuilder response = Response.ok(models.home(entries, viewer));
        PageLinks.of(uri, entries.stream().map(HomeEntry::id).toList())
                .ifPresent(link -> response.header("Link", link));
        return response.build();
    }
}
