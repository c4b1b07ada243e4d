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
import java.util.List;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.config.LocalUris;
import org.tributary.node.hashtag.HashtagService;
import org.tributary.node.outbound.CollectionDocuments;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.post.PostDelivery;
import org.tributary.node.post.StatusView;
import org.tributary.node.post.StatusViews;

/**
 * A tag's collection, {@code /tags/<name>}, for signed GETs from peers: this node's own
 * organization-visible posts with the tag, newest first, embedded as Notes. It is what a peer's
 * instance actor follows to subscribe to the tag, and reads once to fill in the recent past.
 */
@Path("/")
@Produces({"application/activity+json", "application/ld+json", "application/json"})
public final class TagCollectionResource {
    public static final int SIZE = 20;

    private final HashtagService hashtags;
    private final StatusViews views;
    private final PostDelivery delivery;
    private final NoteActivities notes;
    private final CollectionDocuments collections;
    private final SignedGetVerifier signedGets;
    private final VocabCodec codec;
    private final LocalUris uris;

    public TagCollectionResource(HashtagService hashtags, StatusViews views, PostDelivery delivery,
            NoteActivities notes, CollectionDocuments collections, SignedGetVerifier signedGets, VocabCodec codec,
            LocalUris uris) {
        this.hashtags = hashtags;
        this.views = views;
        this.delivery = delivery;
        this.notes = notes;
        this.collections = collections;
        this.signedGets = signedGets;
        this.codec = codec;
        this.uris = uris;
    }

    @GET
    @Path("tags/{name}")
    public Response tag(@PathParam("name") String name, @Context UriInfo uri, @Context HttpHeaders headers) {
        signedGets.requireSigner(uri, headers);
        List<JsonObject> items = hashtags.localOrganizationPosts(name, SIZE).stream()
                .map(views::of)
                .map(this::note)
                .toList();
        return ActivityJson.ok(collections.ofObjects(uris.tag(org.tributary.node.post.StatusTagStore.normalize(name)),
                items));
    }

    private JsonObject note(StatusView view) {
        return codec.toJson(notes.note(view.status(), view.author(), delivery.audience(view), delivery.tags(view)));
    }
}
