package org.tributary.node.api;

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
import org.tributary.node.account.AccountService;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.auth.AuthService;
import org.tributary.node.follow.FollowService;
import org.tributary.node.http.ApiException;

/** Mastodon's accounts API: who am I, look a colleague up (on any allowlisted node), follow, unfollow. */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountsResource {
    private final AuthService auth;
    private final AccountService accounts;
    private final RemoteAccountService remoteAccounts;
    private final FollowService follows;
    private final ClientModels models;

    public AccountsResource(AuthService auth, AccountService accounts, RemoteAccountService remoteAccounts,
            FollowService follows, ClientModels models) {
        this.auth = auth;
        this.accounts = accounts;
        this.remoteAccounts = remoteAccounts;
        this.follows = follows;
        this.models = models;
    }

    @GET
    @Path("verify_credentials")
    public AccountDto verifyCredentials(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return models.account(auth.require(authorization));
    }

    /** {@code acct} is {@code user} (this node) or {@code user@host:port}, resolved by WebFinger. */
    @GET
    @Path("lookup")
    public AccountDto lookup(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("acct") String acct) {
        auth.require(authorization);
        if (acct == null || acct.isBlank()) {
            throw ApiException.badRequest("missing_acct", "the acct parameter is required");
        }
        Account account = acct.contains("@") ? remoteAccounts.byHandle(acct)
                : accounts.findLocal(acct).orElseThrow(() -> ApiException.notFound("account"));
        return models.account(account);
    }

    @GET
    @Path("{id}")
    public AccountDto account(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        auth.require(authorization);
        return models.account(find(id));
    }

    @GET
    @Path("relationships")
    public List<RelationshipDto> relationships(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("id[]") List<Long> ids, @QueryParam("id") List<Long> plainIds) {
        Account viewer = auth.require(authorization);
        List<Long> wanted = ids.isEmpty() ? plainIds : ids;
        return wanted.stream().map(this::find).map(other -> models.relationship(viewer, other)).toList();
    }

    @POST
    @Path("{id}/follow")
    public RelationshipDto follow(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        Account target = find(id);
        follows.follow(viewer, target);
        return models.relationship(viewer, target);
    }

    @POST
    @Path("{id}/unfollow")
    public RelationshipDto unfollow(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        Account target = find(id);
        follows.unfollow(viewer, target);
        return models.relationship(viewer, target);
    }

    @GET
    @Path("{id}/followers")
    public List<AccountDto> followers(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        auth.require(authorization);
        return follows.followers(find(id)).stream().map(models::account).toList();
    }

    private Account find(long id) {
        return accounts.findById(id).orElseThrow(() -> ApiException.notFound("account"));
    }
}
