package org.tributary.node.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.api.RequestParams;
import org.tributary.node.http.ApiException;

/** The allowlist of peer nodes: list (admins, auditors), add and remove (admins). */
@Path("/api/v1/admin/peers")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminPeersResource {
    private final AdminAccess access;
    private final PeerAdministration admin;

    public AdminPeersResource(AdminAccess access, PeerAdministration admin) {
        this.access = access;
        this.admin = admin;
    }

    @GET
    public List<AdminDtos.PeerDto> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        access.reader(authorization);
        return admin.peers().stream().map(AdminDtos::peer).toList();
    }

    /** {@code peer} (host, host:port or URL) and an optional {@code note}. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public AdminDtos.PeerDto add(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Account actor = access.writer(authorization);
        RequestParams params = RequestParams.parse(contentType, body);
        String peer = params.first("peer").filter(value -> !value.isBlank())
                .orElseThrow(() -> ApiException.badRequest("missing_peer", "the peer parameter is required"));
        String authority = admin.addPeer(actor.uri().toString(), peer, params.first("note").orElse(""));
        return admin.peers().stream().filter(p -> p.authority().equals(authority)).findFirst().map(AdminDtos::peer)
                .orElseThrow();
    }

    @DELETE
    @Path("{peer}")
    public Response remove(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("peer") String peer) {
        Account actor = access.writer(authorization);
        admin.removePeer(actor.uri().toString(), peer);
        return Response.noContent().build();
    }
}
