package org.tributary.node.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.account.Role;
import org.tributary.node.api.RequestParams;
import org.tributary.node.http.ApiException;

/**
 * Mastodon's admin accounts API: list, show, create, act (suspend), unsuspend, plus our reset of a
 * password and change of role. Reads need an admin or an auditor, changes an admin.
 */
@Path("/api/v1/admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminAccountsResource {
    private final AdminAccess access;
    private final AccountAdministration admin;
    private final AdminDtos dtos;

    public AdminAccountsResource(AdminAccess access, AccountAdministration admin, AdminDtos dtos) {
        this.access = access;
        this.admin = admin;
        this.dtos = dtos;
    }

    /** {@code local=true} lists only this node's accounts; {@code min_id} pages forward; {@code limit} up to 200. */
    @GET
    public List<AdminDtos.AdminAccountDto> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("local") boolean local, @QueryParam("min_id") Long minId,
            @QueryParam("limit") Integer limit) {
        access.reader(authorization);
        return admin.list(local, minId == null ? 0 : minId, limit == null ? 100 : limit).stream()
                .map(dtos::account).toList();
    }

    @GET
    @Path("{id}")
    public AdminDtos.AdminAccountDto show(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        access.reader(authorization);
        return dtos.account(admin.show(id));
    }

    /** {@code username}, optional {@code password} (else one is generated and returned once), {@code display_name}, {@code role}. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public AdminDtos.CreatedAccountDto create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Account actor = access.writer(authorization);
        RequestParams params = RequestParams.parse(contentType, body);
        AccountAdministration.Created created = admin.create(actor.uri().toString(), params.get("username"),
                params.get("password"), params.get("display_name"), role(params.first("role").orElse("employee")));
        return new AdminDtos.CreatedAccountDto(dtos.account(created.account()),
                created.generated() ? created.password() : null);
    }

    /** Mastodon's moderation action: {@code suspend} suspends, {@code none} changes nothing. */
    @POST
    @Path("{id}/action")
    @Consumes(MediaType.WILDCARD)
    public AdminDtos.AdminAccountDto action(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @PathParam("id") long id, byte[] body) {
        Account actor = access.writer(authorization);
        String type = RequestParams.parse(contentType, body).first("type").orElse("");
        return switch (type) {
            case "suspend" -> dtos.account(admin.suspend(actor.uri().toString(), id));
            case "none" -> dtos.account(admin.show(id));
            default -> throw new ApiException(422, "unsupported_action",
                    "supported action types are suspend and none");
        };
    }

    @POST
    @Path("{id}/unsuspend")
    public AdminDtos.AdminAccountDto unsuspend(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account actor = access.writer(authorization);
        return dtos.account(admin.unsuspend(actor.uri().toString(), id));
    }

    /** A new random password, shown once; the account's tokens are revoked. */
    @POST
    @Path("{id}/reset_password")
    public AdminDtos.PasswordDto resetPassword(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account actor = access.writer(authorization);
        return new AdminDtos.PasswordDto(admin.resetPassword(actor.uri().toString(), id));
    }

    /** {@code role}: employee, admin or auditor. */
    @POST
    @Path("{id}/role")
    @Consumes(MediaType.WILDCARD)
    public AdminDtos.AdminAccountDto role(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @PathParam("id") long id, byte[] body) {
        Account actor = access.writer(authorization);
        String role = RequestParams.parse(contentType, body).first("role")
                .orElseThrow(() -> ApiException.badRequest("missing_role", "the role parameter is required"));
        return dtos.account(admin.setRole(actor.uri().toString(), id, role(role)));
    }

    private static Role role(String value) {
        try {
            return Role.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, "invalid_role", "roles are employee, admin and auditor");
        }
    }
}
