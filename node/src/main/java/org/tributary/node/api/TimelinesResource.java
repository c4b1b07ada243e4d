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
import org.tributary.node.post.StatusViews;
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
    private final StatusViews views;
    private final ClientModels models;

    public TimelinesResource(AuthService auth, HomeTimeline home, StatusViews views, ClientModels models) {
        this.auth = auth;
        this.home = home;
        this.views = views;
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
        List<StatusDto> body = entries.stream().map(entry -> dto(entry, viewer)).toList();
        Response.ResponseBuilder response = Response.ok(body);
        PageLinks.of(uri, entries.stream().map(HomeEntry::id).toList())
                .ifPresent(link -> response.header("Link", link));
        return response.build();
    }

    /** A post, or a boost wrapping the boosted post (Mastodon's shape). */
    private StatusDto dto(HomeEntry entry, Account viewer) {
        StatusDto post = models.statusFor(views.of(entry.status()), viewer);
        return entry instanceof HomeEntry.Boost boost ? models.reblog(boost.boost(), boost.booster(), post) : post;
    }
}
