package org.tributary.node.directory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tributary.node.activitypub.RequestParts;
import org.tributary.node.activitypub.SignedGetVerifier;

/**
 * {@code GET /directory?q=}: this node's people for signed GETs from allowlisted peers (never anyone
 * else). The collection's id is the exact URL asked for, query included, because a fetcher requires it.
 */
@Path("/")
@Produces({"application/activity+json", "application/ld+json", "application/json"})
public final class DirectoryPeerResource {
    private final Directory directory;
    private final DirectoryDocuments documents;
    private final SignedGetVerifier signedGets;
    private final RequestParts requestParts;

    public DirectoryPeerResource(Directory directory, DirectoryDocuments documents, SignedGetVerifier signedGets,
            RequestParts requestParts) {
        this.directory = directory;
        this.documents = documents;
        this.signedGets = signedGets;
        this.requestParts = requestParts;
    }

    @GET
    @Path("directory")
    public Response directory(@QueryParam("q") String query, @Context UriInfo uri, @Context HttpHeaders headers) {
        signedGets.requireSigner(uri, headers);
        var entries = directory.list(query, true, DirectoryStore.Order.NEW, 0, DirectorySearch.PER_NODE);
        var id = requestParts.of("GET", uri, headers, new byte[0]).targetUri();
        return Response.ok(documents.collection(id, entries).toString(), "application/activity+json; charset=utf-8")
                .build();
    }
}
