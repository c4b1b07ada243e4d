package org.tributary.node.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.inbox.ActivityParser;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.inbox.InboxDispatcher;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.node.account.Account;
import org.tributary.node.follow.Follow;
import org.tributary.node.follow.FollowState;
import org.tributary.node.interaction.InteractionCounts;
import org.tributary.node.interaction.InteractionKind;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;
import org.tributary.node.relationship.Block;
import org.tributary.node.testing.TestServices;

/**
 * The guards of the social handlers, on a real store: likes, boosts and their undoing, blocks, rejected
 * follows and count reports. Bob and Sasha on sales are known already, so no handler needs the network.
 */
class SocialHandlersTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private static TestServices node;
    private static InboxDispatcher dispatcher;
    private static Account alice;
    private static Account bob;
    private static Account sasha;

    @BeforeAll
    static void createNode() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        node = new TestServices(clock);
        node.peers.add("sales.example", "");
        dispatcher = NodeHandlers.dispatcher(node, clock);
        alice = node.employee("alice");
        bob = node.remote("bob", "sales.example");
        sasha = node.remote("sasha", "sales.example");
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    @BeforeEach
    void startClean() {
        node.resetSocialState();
    }

    @Test
    void aLikeIsCountedOnceNotifiedReportedAndUndoneOnlyByItsActor() {
        Status post = node.posts.post(alice, "Numbers", Visibility.ORGANIZATION);
        URI likeId = URI.create(bob.uri() + "/likes/1");
        assertInstanceOf(HandlerResult.Applied.class, dispatch(like(likeId, bob, post.uri())));
        assertIgnored(dispatch(like(URI.create(bob.uri() + "/likes/2"), bob, post.uri())));
        assertEquals(new InteractionCounts(1, 0), counts(post));
        assertEquals(1, node.notifications.list(alice, java.util.List.of(), org.tributary.node.post.Page.latest(5))
                .size());

        assertIgnored(dispatch(undo(sasha, likeId, "Like", URI.create(sasha.uri() + "/undos/1"))));
        assertEquals(new InteractionCounts(1, 0), counts(post), "only the liker may take a like back");
        // Sent by id only: the router finds what the id names.
        assertInstanceOf(HandlerResult.Applied.class, dispatch(activity(Json.createObjectBuilder()
                .add("id", bob.uri() + "/undos/2").add("type", "Undo").add("actor", bob.uri().toString())
                .add("object", likeId.toString()))));
        assertEquals(new InteractionCounts(0, 0), counts(post));
    }

    @Test
    void likesAndBoostsFromABlockedActorOrOfUnreadablePostsAreIgnored() {
        Status post = node.posts.post(alice, "Numbers", Visibility.ORGANIZATION);
        Status followersOnly = node.posts.post(alice, "Followers only", Visibility.FOLLOWERS);
        assertIgnored(dispatch(like(URI.create(bob.uri() + "/likes/3"), bob, followersOnly.uri())));
        assertIgnored(dispatch(like(URI.create(bob.uri() + "/likes/4"), bob,
                URI.create("https://sales.example/users/sasha/statuses/9"))));
        node.database.inTransactionVoid(connection -> node.blockStore.insertIfAbsent(connection,
                new Block(node.ids.next(), alice.id(), bob.id(), URI.create("https://finance.example/b/1"), NOW)));
        assertIgnored(dispatch(like(URI.create(bob.uri() + "/likes/5"), bob, post.uri())));
        assertIgnored(dispatch(announce(URI.create(bob.uri() + "/announces/1"), bob, post.uri())));
        assertEquals(new InteractionCounts(0, 0), counts(post));
        assertInstanceOf(HandlerResult.Applied.class,
                dispatch(announce(URI.create(sasha.uri() + "/announces/2"), sasha, post.uri())));
        assertIgnored(dispatch(announce(URI.create(sasha.uri() + "/announces/3"), sasha, followersOnly.uri())));
        assertEquals(new InteractionCounts(0, 1), counts(post));
    }

    @Test
    void aBlockEndsFollowsBothWaysAndItsUndoLiftsIt() {
        node.follows.follow(alice, bob);
        dispatch(activity(Json.createObjectBuilder().add("id", bob.uri() + "/follows/1").add("type", "Follow")
                .add("actor", bob.uri().toString()).add("object", alice.uri().toString())));
        URI blockId = URI.create(bob.uri() + "/blocks/1");
        assertInstanceOf(HandlerResult.Applied.class, dispatch(activity(Json.createObjectBuilder()
                .add("id", blockId.toString()).add("type", "Block").add("actor", bob.uri().toString())
                .add("object", alice.uri().toString()))));
        assertTrue(relation(alice, bob).isEmpty());
        assertTrue(relation(bob, alice).isEmpty());
        assertIgnored(dispatch(activity(Json.createObjectBuilder().add("id", bob.uri() + "/follows/2")
                .add("type", "Follow").add("actor", bob.uri().toString()).add("object", alice.uri().toString()))));
        assertTrue(relation(bob, alice).isEmpty(), "no follow across a block");

        assertIgnored(dispatch(undo(sasha, blockId, "Block", URI.create(sasha.uri() + "/undos/3"))));
        assertInstanceOf(HandlerResult.Applied.class,
                dispatch(undo(bob, blockId, "Block", URI.create(bob.uri() + "/undos/4"))));
        assertTrue(node.database.inTransaction(connection -> node.blockStore.find(connection, bob.id(), alice.id()))
                .isEmpty());
    }

    @Test
    void onlyTheFollowedActorMayRejectOurFollow() {
        Follow follow = node.follows.follow(alice, bob);
        node.database.inTransactionVoid(connection -> node.followStore.setState(connection, follow.id(),
                FollowState.ACCEPTED));
        assertIgnored(dispatch(reject(sasha, follow.activityUri())));
        assertTrue(relation(alice, bob).isPresent());
        assertInstanceOf(HandlerResult.Applied.class, dispatch(reject(bob, follow.activityUri())));
        assertTrue(relation(alice, bob).isEmpty(), "a Reject ends an accepted follow too");
    }

    @Test
    void anUpdateCarryingOnlyCountsChangesTheCountsNotThePost() {
        Follow follow = node.follows.follow(alice, bob);
        node.database.inTransactionVoid(connection -> node.followStore.setState(connection, follow.id(),
                FollowState.ACCEPTED));
        URI noteId = URI.create(bob.uri() + "/statuses/5");
        assertInstanceOf(HandlerResult.Applied.class, dispatch(noteActivity("Create", URI.create(noteId + "/a"),
                note(noteId, "<p>Hi</p>").add("likes", collection(2)))));
        Status stored = statusAt(noteId);
        assertEquals(new InteractionCounts(2, 0), counts(stored), "counts from the Note as created");

        assertInstanceOf(HandlerResult.Applied.class, dispatch(noteActivity("Update", URI.create(noteId + "/u1"),
                note(noteId, "<p>Hi</p>").add("likes", collection(3)).add("shares", collection(1)))));
        assertEquals(new InteractionCounts(3, 1), counts(statusAt(noteId)));
        assertNull(statusAt(noteId).editedAt(), "same content: not an edit");

        dispatch(noteActivity("Update", URI.create(noteId + "/u2"), note(noteId, "<p>Hi all</p>")));
        assertEquals("<p>Hi all</p>", statusAt(noteId).contentHtml());
        assertEquals(new InteractionCounts(3, 1), counts(statusAt(noteId)), "absent collections keep the counts");
    }

    private static JsonObjectBuilder collection(int total) {
        return Json.createObjectBuilder().add("type", "Collection").add("totalItems", total);
    }

    private static JsonObjectBuilder note(URI id, String html) {
        return Json.createObjectBuilder().add("id", id.toString()).add("type", "Note")
                .add("attributedTo", bob.uri().toString()).add("content", html)
                .add("published", "2025-03-05T09:00:00Z")
                .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public"))
                .add("cc", Json.createArrayBuilder().add(bob.followers().toString()));
    }

    private static InboundActivity noteActivity(String type, URI id, JsonObjectBuilder note) {
        return activity(Json.createObjectBuilder().add("id", id.toString()).add("type", type)
                .add("actor", bob.uri().toString()).add("object", note));
    }

    private static InboundActivity like(URI id, Account actor, URI object) {
        return activity(Json.createObjectBuilder().add("id", id.toString()).add("type", "Like")
                .add("actor", actor.uri().toString()).add("object", object.toString()));
    }

    private static InboundActivity announce(URI id, Account actor, URI object) {
        return activity(Json.createObjectBuilder().add("id", id.toString()).add("type", "Announce")
                .add("actor", actor.uri().toString()).add("object", object.toString())
                .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public")));
    }

    /** An Undo embedding an activity {@code originalActor} claims; the pipeline lets an actor undo only its own. */
    private static InboundActivity undo(Account actor, URI originalId, String originalType, URI id) {
        return activity(Json.createObjectBuilder().add("id", id.toString()).add("type", "Undo")
                .add("actor", actor.uri().toString())
                .add("object", Json.createObjectBuilder().add("id", originalId.toString()).add("type", originalType)
                        .add("actor", actor.uri().toString()).add("object", alice.uri().toString())));
    }

    private static InboundActivity reject(Account actor, URI followId) {
        return activity(Json.createObjectBuilder().add("id", actor.uri() + "/rejects/" + followId.hashCode())
                .add("type", "Reject").add("actor", actor.uri().toString())
                .add("object", Json.createObjectBuilder().add("id", followId.toString()).add("type", "Follow")
                        .add("actor", alice.uri().toString()).add("object", actor.uri().toString())));
    }

    private static InboundActivity activity(JsonObjectBuilder json) {
        byte[] raw = json.add("@context", "https://www.w3.org/ns/activitystreams").build().toString()
                .getBytes(StandardCharsets.UTF_8);
        return ((ActivityParser.Result.Parsed) new ActivityParser().parse(raw)).activity();
    }

    private static HandlerResult dispatch(InboundActivity activity) {
        return dispatcher.dispatch(activity);
    }

    private static void assertIgnored(HandlerResult result) {
        assertInstanceOf(HandlerResult.Ignored.class, result, String.valueOf(result));
    }

    private static InteractionCounts counts(Status status) {
        return node.database.inTransaction(connection -> node.interactionStore.counts(connection, status));
    }

    private static Status statusAt(URI uri) {
        return node.database.inTransaction(connection -> node.statusStore.findByUri(connection, uri)).orElseThrow();
    }

    private static Optional<Follow> relation(Account follower, Account target) {
        return node.database.inTransaction(connection -> node.followStore.find(connection, follower.id(),
                target.id()));
    }
}
