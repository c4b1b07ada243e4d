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
import org.tributary.node.relationship.BlockService;
import org.tributary.node.relationship.MuteService;

/** The accounts the employee blocks ({@code /api/v1/blocks}) and mutes ({@code /api/v1/mutes}), paged. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class BlocksAndMutesResource {
    private final AuthService auth;
    private final BlockService blocks;
    private final MuteService mutes;
    private final ClientModels models;

    public BlocksAndMutesResource(AuthService auth, BlockService blocks, MuteService mutes, ClientModels models) {
        this.auth = auth;
        this.blocks = blocks;
        this.mutes = mutes;
        this.models = models;
    }

    @GET
    @Path("blocks")
    public Response blocks(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        List<BlockService.Entry> entries = blocks.blocked(auth.require(authorization),
                Paging.page(maxId, sinceId, minId, limit));
        return Paging.respond(entries.stream().map(entry -> models.account(entry.account())).toList(), entries,
                BlockService.Entry::blockId, uri);
    }

    @GET
    @Path("mutes")
    public Response mutes(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        List<MuteService.Entry> entries = mutes.muted(auth.require(authorization),
                Paging.page(maxId, sinceId, minId, limit));
        return Paging.respond(entries.stream().map(entry -> models.account(entry.account())).toList(), entries,
                MuteService.Entry::muteId, uri);
    }
}
