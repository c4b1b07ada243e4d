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
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusViews;
import org.tributary.node.timeline.TimelineService;

/** Mastodon's timelines API, paged with {@code max_id}/{@code since_id}/{@code min_id} and Link headers. */
@Path("/api/v1/timelines")
@Produces(MediaType.APPLICATION_JSON)
public final class TimelinesResource {
    private final AuthService auth;
    private final TimelineService timelines;
    private final StatusViews views;
    private final ClientModels models;

    public TimelinesResource(AuthService auth, TimelineService timelines, StatusViews views, ClientModels models) {
        this.auth = auth;
        this.timelines = timelines;
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
        List<Status> statuses = timelines.home(viewer, page);
        List<StatusDto> body = views.of(statuses).stream().map(models::status).toList();
        Response.ResponseBuilder response = Response.ok(body);
        PageLinks.of(uri, statuses.stream().map(Status::id).toList()).ifPresent(link -> response.header("Link", link));
        return response.build();
    }
}
