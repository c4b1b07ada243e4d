package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountService;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;
import org.tributary.node.relationship.BlockService;
import org.tributary.node.relationship.FollowerService;
import org.tributary.node.relationship.MuteService;

/**
 * Mastodon's account actions besides following: block, unblock, mute, unmute and remove a follower.
 * Each answers with the relationship as it now is.
 */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountRelationsResource {
    private final AuthService auth;
    private final AccountService accounts;
    private final BlockService blocks;
    private final MuteService mutes;
    private final FollowerService followers;
    private final ClientModels models;

    public AccountRelationsResource(AuthService auth, AccountService accounts, BlockService blocks, MuteService mutes,
            FollowerService followers, ClientModels models) {
        this.auth = auth;
        this.accounts = accounts;
        this.blocks = blocks;
        this.mutes = mutes;
        this.followers = followers;
        this.models = models;
    }

    @POST
    @Path("{id}/block")
    public RelationshipDto block(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        Account target = find(id);
        blocks.block(viewer, target);
        return models.relationship(viewer, target);
    }

    @POST
    @Path("{id}/unblock")
    public RelationshipDto unblock(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        Account target = find(id);
        blocks.unblock(viewer, target);
        return models.relationship(viewer, target);
    }

    /** {@code notifications} (default true) says whether the muted account's notifications are hidden too. */
    @POST
    @Path("{id}/mute")
    @Consumes(MediaType.WILDCARD)
    public RelationshipDto mute(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @PathParam("id") long id, byte[] body) {
        Account viewer = auth.require(authorization);
        Account target = find(id);
        boolean hideNotifications = RequestParams.parse(contentType, body).first("notifications")
                .map(value -> !value.strip().toLowerCase(Locale.ROOT).matches("false|0|off"))
                .orElse(true);
        mutes.mute(viewer, target, hideNotifications);
        return models.relationship(viewer, target);
    }

    @POST
    @Path("{id}/unmute")
    public RelationshipDto unmute(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        Account target = find(id);
        mutes.unmute(viewer, target);
        return models.relationship(viewer, target);
    }

    @POST
    @Path("{id}/remove_from_followers")
    public RelationshipDto removeFromFollowers(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        Account follower = find(id);
        followers.removeFollower(viewer, follower);
        return models.relationship(viewer, follower);
    }

    private Account find(long id) {
        return accounts.findById(id).filter(account -> !account.isInstanceActor())
                .orElseThrow(() -> ApiException.notFound("account"));
    }
}
