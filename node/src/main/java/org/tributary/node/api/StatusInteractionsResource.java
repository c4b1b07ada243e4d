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
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AuthService;
import org.tributary.node.interaction.Interaction;
import org.tributary.node.interaction.InteractionKind;
import org.tributary.node.interaction.InteractionService;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusViews;

/**
 * Mastodon's reactions to a post: like, boost and take either back; who liked or boosted it. A post the
 * viewer may not read answers 404; boosting anything but an organization post answers 422.
 */
@Path("/api/v1/statuses")
@Produces(MediaType.APPLICATION_JSON)
public final class StatusInteractionsResource {
    private final AuthService auth;
    private final InteractionService interactions;
    private final StatusViews views;
    private final ClientModels models;

    public StatusInteractionsResource(AuthService auth, InteractionService interactions, StatusViews views,
            ClientModels models) {
        this.auth = auth;
        this.interactions = interactions;
        this.views = views;
        this.models = models;
    }

    @POST
    @Path("{id}/favourite")
    public StatusDto favourite(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        return dto(interactions.favourite(viewer, id), viewer);
    }

    @POST
    @Path("{id}/unfavourite")
    public StatusDto unfavourite(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        return dto(interactions.unfavourite(viewer, id), viewer);
    }

    /** Answers with the boost: a post of the viewer's whose {@code reblog} is the boosted post. */
    @POST
    @Path("{id}/reblog")
    public StatusDto reblog(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        Interaction boost = interactions.reblog(viewer, id);
        Status boosted = interactions.status(boost);
        return models.reblog(boost, viewer, dto(boosted, viewer));
    }

    @POST
    @Path("{id}/unreblog")
    public StatusDto unreblog(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        return dto(interactions.unreblog(viewer, id), viewer);
    }

    @GET
    @Path("{id}/favourited_by")
    public Response favouritedBy(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id, @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
            @QueryParam("min_id") Long minId, @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        return accounts(authorization, id, InteractionKind.FAVOURITE, Paging.page(maxId, sinceId, minId, limit), uri);
    }

    @GET
    @Path("{id}/reblogged_by")
    public Response rebloggedBy(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id, @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
            @QueryParam("min_id") Long minId, @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        return accounts(authorization, id, InteractionKind.REBLOG, Paging.page(maxId, sinceId, minId, limit), uri);
    }

    private Response accounts(String authorization, long id, InteractionKind kind,
            org.tributary.node.post.Page page, UriInfo uri) {
        Account viewer = auth.require(authorization);
        List<InteractionService.AccountEntry> entries = interactions.accounts(viewer, id, kind, page);
        return Paging.respond(models.accounts(entries.stream().map(InteractionService.AccountEntry::account).toList()), entries,
                entry -> entry.interaction().id(), uri);
    }

    private StatusDto dto(Status status, Account viewer) {
        return models.statusFor(views.of(status), viewer);
    }
}
