package org.tributary.node.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.tributary.node.account.Account;

/** Deliveries that ran out of attempts: list them (admins, auditors) and queue one again (admins). */
@Path("/api/v1/admin/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminDeliveriesResource {
    private final AdminAccess access;
    private final PeerAdministration admin;

    public AdminDeliveriesResource(AdminAccess access, PeerAdministration admin) {
        this.access = access;
        this.admin = admin;
    }

    @GET
    @Path("dead")
    public List<AdminDtos.DeadDeliveryDto> dead(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") Integer limit) {
        access.reader(authorization);
        return admin.deadDeliveries(limit == null ? 100 : limit).stream().map(AdminDtos::dead).toList();
    }

    @POST
    @Path("{id}/retry")
    public Response retry(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id) {
        Account actor = access.writer(authorization);
        admin.retry(actor.uri().toString(), id);
        return Response.accepted().build();
    }
}
