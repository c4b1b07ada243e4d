package org.tributary.node.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountService;
import org.tributary.node.auth.AuthService;
import org.tributary.node.follow.FollowLists;
import org.tributary.node.http.ApiException;
import org.tributary.node.relationship.FollowerService;

/**
 * Follow requests waiting for the employee's answer (their account is locked), and the answers:
 * authorize or reject, by the requesting account's id as in Mastodon.
 */
@Path("/api/v1/follow_requests")
@Produces(MediaType.APPLICATION_JSON)
public final class FollowRequestsResource {
    private final AuthService auth;
    private final AccountService accounts;
    private final FollowLists follows;
    private final FollowerService followers;
    private final ClientModels models;
    private final Paging paging;

    public FollowRequestsResource(AuthService auth, AccountService accounts, FollowLists follows,
            FollowerService followers, ClientModels models) {
        this.auth = auth;
        this.accounts = accounts;
        this.follows = follows;
        this.followers = followers;
        this.models = models;
        this.paging = new Paging(models);
    }

    @POST
    @Path("{id}/authorize")
    public RelationshipDto authorize(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account employee = auth.require(authorization);
        Account requester = find(id);
        followers.authorize(employee, requester);
        return models.relationship(employee, requester);
    }

    @POST
    @Path("{id}/reject")
    public RelationshipDto reject(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account employee = auth.require(authorization);
        Account requester = find(id);
        followers.reject(employee, requester);
        return models.relationship(employee, requester);
    }

    private Account find(long id) {
        return accounts.findById(id).orElseThrow(() -> ApiException.notFound("account"));
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        return paging.follows(follows.requests(auth.require(authorization), Paging.page(maxId, sinceId, minId, limit)),
                uri);
    }
}
