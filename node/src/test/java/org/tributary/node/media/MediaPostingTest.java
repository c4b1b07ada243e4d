package org.tributary.node.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.inbox.ActivityParser;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Note;
import org.tributary.node.account.Account;
import org.tributary.node.api.ClientModels;
import org.tributary.node.api.MediaModels;
import org.tributary.node.api.StatusDto;
import org.tributary.node.follow.Follow;
import org.tributary.node.follow.FollowState;
import org.tributary.node.http.ApiException;
import org.tributary.node.inbound.DeleteNoteHandler;
import org.tributary.node.inbound.IncomingNotes;
import org.tributary.node.inbound.UpdateNoteHandler;
import org.tributary.node.post.HtmlSanitizer;
import org.tributary.node.post.StatusChanges;
import org.tributary.node.post.PostRequest;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusEvents;
import org.tributary.node.post.StatusView;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.TestServices;

/**
 * Media through the posting core: attached when posting, shown on the status, carried by the Create
 * and Update Notes, kept on edit, released on delete; a peer's references stored on Create, replaced on
 * Update and forgotten on Delete.
 */
class MediaPostingTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    private static TestServices node;
    private static IncomingNotes incoming;
    private static UpdateNoteHandler updates;
    private static DeleteNoteHandler deletes;
    private static ClientModels models;
    private static Account alice;
    private static Account bob;

    @BeforeAll
    static void createNode() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        node = new TestServices(clock);
        node.peers.add("sales.example", "");
        incoming = new IncomingNotes(node.statusStore, node.recipientStore, node.tagStore, node.accountStore,
                new HtmlSanitizer(), node.visibility, node.notifications, node.remoteMedia, node.homeFeed, node.ids,
                clock, node.interactionStore, StatusChanges.ignoring());
        updates = new UpdateNoteHandler(node.database, node.statusStore, node.accountStore, incoming, node.codec,
                StatusEvents.none());
        deletes = new DeleteNoteHandler(node.database, node.statusStore, node.tagStore, node.accountStore,
                node.notifications, node.remoteMedia, node.codec, clock, StatusChanges.ignoring(), StatusEvents.none());
        models = new ClientModels(node.database, node.statusViews, node.follows, node.uris, new MediaModels(new MediaUrls(node.config)),
                node.interactions, node.relationships, null, clock, node.profiles);
        alice = node.employee("alice");
        bob = node.remote("bob", "sales.example");
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    /** Bob (on sales) follows alice, so her posts are delivered and carry their Notes. */
    @BeforeEach
    void bobFollowsAlice() {
        node.resetSocialState();
        node.database.inTransactionVoid(connection -> {
            long id = node.ids.next();
            node.followStore.insert(connection, new Follow(id, bob.id(), alice.id(),
                    URI.create(bob.uri() + "/follows/" + id), FollowState.ACCEPTED, NOW));
        });
    }

    @Test
    void aPostWithOnlyMediaIsShownAndDeliveredWithItsAttachment() {
        MediaAttachment upload = node.media.upload(alice, TestFiles.png(4, 3), "the org chart", null);

        Status status = node.posts.post(alice, new PostRequest("", Visibility.ORGANIZATION, null, "", false, null,
                List.of(upload.id())));

        StatusView view = node.statusViews.of(status);
        assertEquals(List.of(upload.id()), view.media().stream().map(MediaAttachment::id).toList());
        StatusDto dto = models.status(view);
        assertEquals(1, dto.mediaAttachments().size());
        JsonArray attachment = lastDelivery().getJsonObject("object").getJsonArray("attachment");
        assertEquals(1, attachment.size());
        JsonObject image = attachment.getJsonObject(0);
        assertEquals("Image", image.getString("type"));
        assertEquals("image/png", image.getString("mediaType"));
        assertEquals("the org chart", image.getString("name"));
        assertEquals(new MediaUrls(node.config).urlOf(upload).toString(), image.getString("url"));
    }

    @Test
    void aPostWithoutMediaHasNoAttachmentProperty() {
        node.posts.post(alice, "just text", Visibility.ORGANIZATION);
        assertFalse(lastDelivery().getJsonObject("object").containsKey("attachment"));
    }

    @Test
    void aFailedAttachLeavesNoPostBehind() {
        MediaAttachment upload = node.media.upload(alice, TestFiles.png(2, 2), null, null);
        node.posts.post(alice, new PostRequest("first", Visibility.ORGANIZATION, null, "", false, null,
                List.of(upload.id())));
        long before = node.posts.countLocal();

        ApiException e = assertThrows(ApiException.class, () -> node.posts.post(alice, new PostRequest("second",
                Visibility.ORGANIZATION, null, "", false, null, List.of(upload.id()))));

        assertEquals("invalid_media", e.code());
        assertEquals(before, node.posts.countLocal());
    }

    @Test
    void anEditKeepsTheMediaAndItsUpdateCarriesIt() {
        MediaAttachment upload = node.media.upload(alice, TestFiles.png(2, 2), null, null);
        MediaAttachment other = node.media.upload(alice, TestFiles.jpeg(2, 2), null, null);
        Status status = node.posts.post(alice, new PostRequest("before", Visibility.ORGANIZATION, null, "", false,
                null, List.of(upload.id())));

        node.posts.edit(alice, status.id(), new PostRequest("after", null, null, "", false, null,
                List.of(upload.id())));
        JsonObject update = lastDelivery();
        assertEquals("Update", update.getString("type"));
        assertEquals(1, update.getJsonObject("object").getJsonArray("attachment").size());

        node.posts.edit(alice, status.id(), PostRequest.text("without naming the media", null));
        assertEquals(1, node.statusViews.of(node.posts.find(status.id()).orElseThrow()).media().size());

        ApiException e = assertThrows(ApiException.class, () -> node.posts.edit(alice, status.id(),
                new PostRequest("swap", null, null, "", false, null, List.of(other.id()))));
        assertEquals("media_change_unsupported", e.code());
    }

    @Test
    void deletingAPostGivesItsUploadsBackToTheAuthor() {
        MediaAttachment upload = node.media.upload(alice, TestFiles.png(2, 2), null, null);
        Status status = node.posts.post(alice, new PostRequest("to delete", Visibility.ORGANIZATION, null, "", false,
                null, List.of(upload.id())));

        StatusView deleted = node.posts.delete(alice, status.id());

        assertEquals(1, deleted.media().size(), "the answer shows the post as it was, for redraft");
        MediaAttachment released = node.media.ownedBy(alice, upload.id());
        assertNull(released.statusId());
        Status redraft = node.posts.post(alice, new PostRequest("redraft", Visibility.ORGANIZATION, null, "", false,
                null, List.of(upload.id())));
        assertEquals(1, node.statusViews.of(redraft).media().size());
    }

    @Test
    void aPeersReferencesAreStoredReplacedOnUpdateAndForgottenOnDelete() {
        URI noteId = URI.create(bob.uri() + "/statuses/1");
        Note note = node.codec.readNote(note(noteId, "https://sales.example/media/a.png").build());
        Status stored = node.database.inTransaction(connection -> incoming.store(connection, note, bob, false))
                .orElseThrow();
        assertEquals(List.of(URI.create("https://sales.example/media/a.png")), remoteUrls(stored));

        JsonObject edited = note(noteId, "https://sales.example/media/b.png").add("updated", "2025-03-05T09:10:00Z")
                .build();
        HandlerResult updated = updates.handle(activity(Json.createObjectBuilder().add("id", noteId + "/updates/1")
                .add("type", "Update").add("actor", bob.uri().toString()).add("object", edited)));
        assertInstanceOf(HandlerResult.Applied.class, updated, String.valueOf(updated));
        assertEquals(List.of(URI.create("https://sales.example/media/b.png")), remoteUrls(stored));

        HandlerResult deleted = deletes.handle(activity(Json.createObjectBuilder().add("id", noteId + "#delete")
                .add("type", "Delete").add("actor", bob.uri().toString()).add("object", noteId.toString())));
        assertInstanceOf(HandlerResult.Applied.class, deleted, String.valueOf(deleted));
        assertTrue(remoteUrls(stored).isEmpty());
        assertEquals(0L, (long) node.database.inTransaction(connection -> Jdbc.count(connection,
                "SELECT COUNT(*) FROM media_attachments WHERE remote_url IS NOT NULL")));
    }

    private static JsonObjectBuilder note(URI id, String mediaUrl) {
        return Json.createObjectBuilder().add("id", id.toString()).add("type", "Note")
                .add("attributedTo", bob.uri().toString()).add("content", "<p>see attached</p>")
                .add("published", "2025-03-05T09:00:00Z").add("to", Json.createArrayBuilder().add(PUBLIC))
                .add("cc", Json.createArrayBuilder().add(bob.followers().toString()))
                .add("attachment", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "Image")
                        .add("mediaType", "image/png").add("url", mediaUrl)));
    }

    private static InboundActivity activity(JsonObjectBuilder json) {
        byte[] raw = json.add("@context", "https://www.w3.org/ns/activitystreams").build().toString()
                .getBytes(StandardCharsets.UTF_8);
        return ((ActivityParser.Result.Parsed) new ActivityParser().parse(raw)).activity();
    }

    private static List<URI> remoteUrls(Status status) {
        return node.database.inTransaction(connection -> node.mediaStore.byStatus(connection, status.id())).stream()
                .map(MediaAttachment::remoteUrl).toList();
    }

    private static JsonObject lastDelivery() {
        List<JsonObject> bodies = node.database.inTransaction(connection -> Jdbc.query(connection,
                "SELECT body FROM deliveries ORDER BY id", row -> node.codec.parse(row.getBytes(1))));
        assertFalse(bodies.isEmpty(), "something was delivered");
        return bodies.get(bodies.size() - 1);
    }
}
