package org.tributary.node.activitypub;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountService;
import org.tributary.node.account.ProfileService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.follow.FollowService;
import org.tributary.node.http.ApiException;
import org.tributary.node.outbound.ActorDocuments;
import org.tributary.node.outbound.CollectionDocuments;

/**
 * Actor documents and their collections. The instance actor is served unsigned (so two nodes fetching
 * each other's keys cannot deadlock); everything else needs a signed GET from an allowlisted peer.
 * A suspended employee's documents answer 410 Gone.
 */
@Path("/")
@Produces({"application/activity+json", "application/ld+json", "application/json"})
public final class ActorResource {
    private final AccountService accounts;
    private final FollowService follows;
    private final ActorDocuments actorDocuments;
    private final CollectionDocuments collections;
    private final SignedGetVerifier signedGets;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final ProfileService profiles;

    public ActorResource(AccountService accounts, FollowService follows, ActorDocuments actorDocuments,
            CollectionDocuments collections, SignedGetVerifier signedGets, VocabCodec codec, LocalUris uris,
            ProfileService profiles) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.follows = follows;
        this.actorDocuments = actorDocuments;
        this.collections = collections;
        this.signedGets = signedGets;
        this.codec = codec;
        this.uris = uris;
    }

    @GET
    @Path("actor")
    public Response instanceActor() {
        Account instance = accounts.ensureInstanceActor();
        return ActivityJson.ok(codec.toJson(actorDocuments.actorOf(instance, accounts.keysOf(instance))));
    }

    @GET
    @Path("users/{username}")
    public Response actor(@PathParam("username") String username, @Context UriInfo uri, @Context HttpHeaders headers) {
        signedGets.requireSigner(uri, headers);
        Account account = employee(username);
        return ActivityJson.ok(codec.toJson(actorDocuments.actorOf(account, accounts.keysOf(account),
                profiles.profileOf(account))));
    }

    @GET
    @Path("users/{username}/followers")
    public Response followers(@PathParam("username") String username, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        signedGets.requireSigner(uri, headers);
        Account account = employee(username);
        List<URI> items = follows.followers(account).stream().map(Account::uri).toList();
        return ActivityJson.ok(collections.of(uris.followers(username), items));
    }

    @GET
    @Path("users/{username}/following")
    public Response following(@PathParam("username") String username, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        signedGets.requireSigner(uri, headers);
        Account account = employee(username);
        List<URI> items = follows.following(account).stream().map(Account::uri).toList();
        return ActivityJson.ok(collections.of(uris.following(username), items));
    }

    private Account employee(String username) {
        Account account = accounts.findEmployee(username).orElseThrow(() -> ApiException.notFound("actor"));
        if (account.suspended()) {
            // Gone, as Mastodon answers for suspended accounts: peers drop what they cached.
            throw new ApiException(410, "account_suspended", "this account is suspended");
        }
        return account;
    }
}
