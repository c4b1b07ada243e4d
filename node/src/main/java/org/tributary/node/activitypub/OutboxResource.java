package org.tributary.node.activitypub;

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
import java.util.Optional;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.http.ApiException;
import org.tributary.node.interaction.InteractionCounts;
import org.tributary.node.interaction.InteractionService;
import org.tributary.node.outbound.CountedNotes;
import org.tributary.node.outbound.CollectionDocuments;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.post.Page;
import org.tributary.node.post.PostDelivery;
import org.tributary.node.post.PostService;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusView;
import org.tributary.node.post.StatusViews;
import org.tributary.node.post.Visibility;
import org.tributary.node.timeline.StatusVisibility;

/**
 * The outbox and single posts, for signed GETs from peers. The signing actor sees a post when the
 * client API would show it to that actor ({@link StatusVisibility}): organization posts; followers-only
 * posts when it follows the author or is addressed; direct posts when addressed; department posts never.
 * The outbox lists organization posts, and followers-only ones to a follower. A deleted post's URI
 * answers 410 Gone with a Tombstone, to whoever could have read the post; anyone else gets 404. An
 * actor the author blocks (or who blocks the author) sees none of the author's posts. A post carries
 * its {@code likes} and {@code shares} totals, counted here, where its author lives.
 */
@Path("/")
@Produces({"application/activity+json", "application/ld+json", "application/json"})
public final class OutboxResource {
    private static final int OUTBOX_SIZE = 20;

    private final AccountService accounts;
    private final PostService posts;
    private final StatusViews views;
    private final StatusVisibility visibility;
    private final PostDelivery delivery;
    private final NoteActivities notes;
    private final CollectionDocuments collections;
    private final SignedGetVerifier signedGets;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final CountedNotes countedNotes;
    private final InteractionService interactions;

    public OutboxResource(AccountService accounts, PostService posts, StatusViews views, StatusVisibility visibility,
            PostDelivery delivery, NoteActivities notes, CollectionDocuments collections,
            SignedGetVerifier signedGets, VocabCodec codec, LocalUris uris, CountedNotes countedNotes,
            InteractionService interactions) {
        this.countedNotes = countedNotes;
        this.interactions = interactions;
        this.accounts = accounts;
        this.posts = posts;
        this.views = views;
        this.visibility = visibility;
        this.delivery = delivery;
        this.notes = notes;
        this.collections = collections;
        this.signedGets = signedGets;
        this.codec = codec;
        this.uris = uris;
    }

    @GET
    @Path("users/{username}/outbox")
    public Response outbox(@PathParam("username") String username, @Context UriInfo uri, @Context HttpHeaders headers) {
        Optional<Account> signer = signer(uri, headers);
        Account author = employee(username);
        List<JsonObject> items = posts.byAccount(author, List.of(Visibility.ORGANIZATION, Visibility.FOLLOWERS),
                        Page.latest(OUTBOX_SIZE)).stream()
                .filter(status -> isVisibleTo(status, signer))
                .map(views::of)
                .map(view -> codec.toJson(notes.create(view.status(), author, delivery.audience(view),
                        delivery.tags(view), delivery.attachments(view))))
                .toList();
        return ActivityJson.ok(collections.ofObjects(uris.outbox(username), items));
    }

    @GET
    @Path("users/{username}/statuses/{id}")
    public Response status(@PathParam("username") String username, @PathParam("id") long id, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Optional<Account> signer = signer(uri, headers);
        Account author = employee(username);
        Optional<Status> live = posts.find(id).filter(found -> found.accountId() == author.id());
        if (live.isPresent()) {
            Status status = live.get();
            if (!isVisibleTo(status, signer)) {
                throw ApiException.notFound("status");
            }
            StatusView view = views.of(status);
            InteractionCounts counts = interactions.of(Optional.empty(), status).counts();
            return ActivityJson.ok(codec.toJson(countedNotes.note(status, author, delivery.audience(view),
                    delivery.tags(view), delivery.attachments(view), counts.favourites(), counts.reblogs())));
        }
        StatusStore.Deleted deleted = posts.findDeleted(id).filter(found -> found.status().accountId() == author.id())
                .filter(found -> isVisibleTo(found.status(), signer))
                .orElseThrow(() -> ApiException.notFound("status"));
        return Response.status(Response.Status.GONE)
                .entity(notes.tombstoneDocument(deleted.status().uri(), deleted.deletedAt()).toString())
                .type(ActivityJson.MEDIA_TYPE + "; charset=utf-8").build();
    }

    /** The signing actor's account here; empty for a signer we hold no account for (e.g. an unknown instance actor). */
    private Optional<Account> signer(UriInfo uri, HttpHeaders headers) {
        URI signer = signedGets.requireSigner(uri, headers);
        return accounts.findByUri(signer);
    }

    /**
     * Organization posts to any peer's actor (an instance actor we hold no account for included) except
     * one the block rule excludes; other levels to a known remote actor the visibility rule admits.
     */
    private boolean isVisibleTo(Status status, Optional<Account> signer) {
        if (status.visibility() == Visibility.ORGANIZATION) {
            return signer.map(actor -> actor.isLocal() || visibility.canSee(actor, status)).orElse(true);
        }
        return signer.filter(actor -> !actor.isLocal() && visibility.canSee(actor, status)).isPresent();
    }

    private Account employee(String username) {
        Account account = accounts.findEmployee(username).orElseThrow(() -> ApiException.notFound("actor"));
        if (account.suspended()) {
            throw new ApiException(410, "account_suspended", "this account is suspended");
        }
        return account;
    }
}
