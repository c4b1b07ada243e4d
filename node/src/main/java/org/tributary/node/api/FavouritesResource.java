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
import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AuthService;
import org.tributary.node.interaction.InteractionService;

/** The posts the employee liked, newest like first, paged by the like's id as Mastodon does. */
@Path("/api/v1/favourites")
@Produces(MediaType.APPLICATION_JSON)
public final class FavouritesResource {
    private final AuthService auth;
    private final InteractionService interactions;
    private final ClientModels models;

    public FavouritesResource(AuthService auth, InteractionService interactions, ClientModels models) {
        this.auth = auth;
        this.interactions = interactions;
        this.models = models;
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Account viewer = auth.require(authorization);
        List<InteractionService.StatusEntry> entries = interactions.favourites(viewer,
                Paging.page(maxId, sinceId, minId, limit));
        List<StatusDto> body = models.statuses(
                entries.stream().map(InteractionService.StatusEntry::status).toList(), Optional.of(viewer));
        return Paging.respond(body, entries, entry -> entry.interaction().id(), uri);
    }
}
