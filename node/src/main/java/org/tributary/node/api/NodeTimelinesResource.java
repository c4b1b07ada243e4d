package org.tributary.node.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.tributary.node.hashtag.HashtagService;
import org.tributary.node.hashtag.TagQuery;
import org.tributary.node.timeline.NodeTimelines;

/**
 * The node-wide timelines: Mastodon's public timeline is the organization's, {@code local=true} is
 * this department's. Jersey merges this class with {@link TimelinesResource}, which has the same path.
 */
@Path("/api/v1/timelines")
@Produces(MediaType.APPLICATION_JSON)
public final class NodeTimelinesResource {
    private final AuthService auth;
    private final NodeTimelines timelines;
    private final HashtagService hashtags;
    private final Paging paging;

    public NodeTimelinesResource(AuthService auth, NodeTimelines timelines, HashtagService hashtags,
            ClientModels models) {
        this.auth = auth;
        this.hashtags = hashtags;
        this.timelines = timelines;
        this.paging = new Paging(models);
    }

    @GET
    @Path("public")
    public Response organization(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("local") boolean local, @QueryParam("remote") boolean remote,
            @QueryParam("only_media") boolean onlyMedia, @QueryParam("max_id") Long maxId,
            @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Account viewer = auth.require(authorization);
        if (onlyMedia) {
            return paging.statuses(List.of(), viewer, uri);
        }
        NodeTimelines.Scope scope = local ? NodeTimelines.Scope.DEPARTMENT
                : remote ? NodeTimelines.Scope.REMOTE : NodeTimelines.Scope.ORGANIZATION;
        return paging.statuses(timelines.read(viewer, scope, Paging.page(maxId, sinceId, minId, limit)), viewer,
                uri);
    }

    /**
     * Posts with a hashtag (or any of {@code any[]}, with all of {@code all[]}, none of {@code none[]}),
     * from every node, newest first by the authors' time; see {@link org.tributary.node.hashtag.TagTimelineStore}.
     */
    @GET
    @Path("tag/{hashtag}")
    public Response tag(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("hashtag") String hashtag, @QueryParam("any[]") List<String> any,
            @QueryParam("all[]") List<String> all, @QueryParam("none[]") List<String> none,
            @QueryParam("any") List<String> anyPlain, @QueryParam("all") List<String> allPlain,
            @QueryParam("none") List<String> nonePlain, @QueryParam("local") boolean local,
            @QueryParam("remote") boolean remote, @QueryParam("only_media") boolean onlyMedia,
            @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Account viewer = auth.require(authorization);
        if (onlyMedia) {
            return paging.statuses(List.of(), viewer, uri);
        }
        TagQuery query = new TagQuery(hashtag, joined(any, anyPlain), joined(all, allPlain), joined(none, nonePlain),
                local, remote);
        return paging.statuses(hashtags.timeline(viewer, query, Paging.page(maxId, sinceId, minId, limit)),
                viewer, uri);
    }

    private static List<String> joined(List<String> bracketed, List<String> plain) {
        List<String> names = new java.util.ArrayList<>(bracketed);
        names.addAll(plain);
        return names;
    }
}
