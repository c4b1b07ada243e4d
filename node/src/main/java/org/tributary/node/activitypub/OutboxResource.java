package org.tributary.node.activitypub;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
import java.util.function.Function;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.follow.FollowService;
import org.tributary.node.http.ApiException;
import org.tributary.node.outbound.CollectionDocuments;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.post.Page;
import org.tributary.node.post.PostService;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;

/**
 * The outbox and single posts, for signed GETs from peers. A peer sees organization posts, and
 * followers-only posts when the signing actor follows the author; department and direct posts never.
 */
@Path("/")
@Produces({"application/activity+json", "application/ld+json", "application/json"})
public final class OutboxResource {
    private static final int OUTBOX_SIZE = 20;

    private final AccountService accounts;
    private final PostService posts;
    private final FollowService follows;
    private final NoteActivities notes;
    private final CollectionDocuments collections;
    private final SignedGetVerifier signedGets;
    private final VocabCodec codec;
    private final LocalUris uris;
    /** A post's media as the Note's {@code attachment} objects (spec/media.md). */
    private final Function<Status, JsonArray> attachmentsOf;

    public OutboxResource(AccountService accounts, PostService posts, FollowService follows, NoteActivities notes,
            CollectionDocuments collections, SignedGetVerifier signedGets, VocabCodec codec, LocalUris uris,
            Function<Status, JsonArray> attachmentsOf) {
        this.accounts = accounts;
        this.posts = posts;
        this.follows = follows;
        this.notes = notes;
        this.collections = collections;
        this.signedGets = signedGets;
        this.codec = codec;
        this.uris = uris;
        this.attachmentsOf = attachmentsOf;
    }

    @GET
    @Path("users/{username}/outbox")
    public Response outbox(@PathParam("username") String username, @Context UriInfo uri, @Context HttpHeaders headers) {
        URI signer = signedGets.requireSigner(uri, headers);
        Account author = employee(username);
        List<Visibility> visible = followsAuthor(signer, author) ? List.of(Visibility.ORGANIZATION, Visibility.FOLLOWERS)
                : List.of(Visibility.ORGANIZATION);
        List<JsonObject> items = posts.byAccount(author, visible, Page.latest(OUTBOX_SIZE)).stream()
                .map(status -> codec.toJson(notes.create(status, author, notes.audienceOf(status, author, List.of()),
                        attachmentsOf.apply(status))))
                .toList();
        return ActivityJson.ok(collections.ofObjects(uris.outbox(username), items));
    }

    @GET
    @Path("users/{username}/statuses/{id}")
    public Response status(@PathParam("username") String username, @PathParam("id") long id, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        URI signer = signedGets.requireSigner(uri, headers);
        Account author = employee(username);
        Status status = posts.find(id).filter(found -> found.accountId() == author.id())
                .filter(found -> isVisibleTo(found, signer, author))
                .orElseThrow(() -> ApiException.notFound("status"));
        return ActivityJson.ok(codec.toJson(notes.note(status, author, notes.audienceOf(status, author, List.of()),
                attachmentsOf.apply(status))));
    }

    private boolean isVisibleTo(Status status, URI signer, Account author) {
        return switch (status.visibility()) {
            case ORGANIZATION -> true;
            case FOLLOWERS -> followsAuthor(signer, author);
            case DEPARTMENT, DIRECT -> false;
        };
    }

    private boolean followsAuthor(URI signer, Account author) {
        return follows.followers(author).stream().anyMatch(follower -> follower.uri().equals(signer));
    }

    private Account employee(String username) {
        return accounts.findLocal(username).filter(account -> !account.username().equals(LocalUris.INSTANCE_ACTOR_USERNAME))
                .orElseThrow(() -> ApiException.notFound("actor"));
    }
}
