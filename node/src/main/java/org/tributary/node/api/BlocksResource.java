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

/**
 * The accounts the employee blocks, newest block first, paged by the block's id. (Its own root path: a
 * root class at {@code /api/v1} would take requests away from {@code PreferencesResource}.)
 */
@Path("/api/v1/blocks")
@Produces(MediaType.APPLICATION_JSON)
public final class BlocksResource {
    private final AuthService auth;
    private final BlockService blocks;
    private final ClientModels models;

    public BlocksResource(AuthService auth, BlockService blocks, ClientModels models) {
        this.auth = auth;
        this.blocks = blocks;
        this.models = models;
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        List<BlockService.Entry> entries = blocks.blocked(auth.require(authorization),
                Paging.page(maxId, sinceId, minId, limit));
        return Paging.respond(models.accounts(entries.stream().map(BlockService.Entry::account).toList()), entries,
                BlockService.Entry::blockId, uri);
    }
}
