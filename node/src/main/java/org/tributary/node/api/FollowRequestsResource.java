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
import org.tributary.node.account.AccountService;
import org.tributary.node.auth.AuthService;
import org.tributary.node.follow.FollowLists;

/**
 * Follow requests waiting for the employee's answer. Local accounts are not locked today, so the list
 * is empty in practice; it reads the real pending follows all the same.
 */
@Path("/api/v1/follow_requests")
@Produces(MediaType.APPLICATION_JSON)
public final class FollowRequestsResource {
    private final AuthService auth;
    private final FollowLists follows;
    private final Paging paging;

    public FollowRequestsResource(AuthService auth, AccountService accounts, FollowLists follows,
            ClientModels models) {
        this.auth = auth;
        this.follows = follows;
        this.paging = new Paging(models);
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        return paging.follows(follows.requests(auth.require(authorization), Paging.page(maxId, sinceId, minId, limit)),
                uri);
    }
}
