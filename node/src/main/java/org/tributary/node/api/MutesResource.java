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
import org.tributary.node.auth.AuthService;
import org.tributary.node.relationship.MuteService;

/** The accounts the employee mutes, newest mute first, paged by the mute's id. */
@Path("/api/v1/mutes")
@Produces(MediaType.APPLICATION_JSON)
public final class MutesResource {
    private final AuthService auth;
    private final MuteService mutes;
    private final ClientModels models;

    public MutesResource(AuthService auth, MuteService mutes, ClientModels models) {
        this.auth = auth;
        this.mutes = mutes;
        this.models = models;
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        List<MuteService.Entry> entries = mutes.muted(auth.require(authorization),
                Paging.page(maxId, sinceId, minId, limit));
        return Paging.respond(models.accounts(entries.stream().map(MuteService.Entry::account).toList()), entries,
                MuteService.Entry::muteId, uri);
    }
}
