package org.tributary.node.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tributary.federation.audit.AuditFormatException;
import org.tributary.node.activitypub.RequestParts;
import org.tributary.node.activitypub.SignedGetVerifier;
import org.tributary.node.http.ApiException;

/**
 * The proof a witnessing peer asks for: {@code GET /audit/consistency?from=a&to=b}, a signed GET by an
 * allowlisted peer (authorized fetch), answered as an ActivityStreams document whose {@code id} is the URL
 * asked for, so the peer's fetcher accepts it like any other document.
 */
@Path("/")
public final class AuditPeerResource {
    private static final String ACTIVITY_JSON = "application/activity+json";

    private final AuditProofs proofs;
    private final SignedGetVerifier signedGets;
    private final RequestParts requestParts;

    public AuditPeerResource(AuditProofs proofs, SignedGetVerifier signedGets, RequestParts requestParts) {
        this.proofs = proofs;
        this.signedGets = signedGets;
        this.requestParts = requestParts;
    }

    @GET
    @Path("audit/consistency")
    public Response consistency(@Context UriInfo uri, @Context HttpHeaders headers, @QueryParam("from") long from,
            @QueryParam("to") long to) {
        signedGets.requireSigner(uri, headers);
        AuditProofs.Consistency consistency;
        try {
            consistency = proofs.consistency(from, to);
        } catch (AuditFormatException e) {
            throw ApiException.badRequest("invalid_tree_sizes", e.getMessage());
        }
        String id = requestParts.of("GET", uri, headers, new byte[0]).targetUri().toString();
        String body = ProofJson.consistency(consistency.proof())
                .add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", id)
                .add("type", "TributaryConsistencyProof")
                .build().toString();
        return Response.ok(body, ACTIVITY_JSON).build();
    }
}
