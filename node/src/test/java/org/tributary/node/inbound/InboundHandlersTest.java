package org.tributary.node.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.delivery.DoubleKnockSender;
import org.tributary.federation.delivery.SignatureSchemeMemory;
import org.tributary.federation.discovery.WebFingerClient;
import org.tributary.federation.fetch.FetchLimits;
import org.tributary.federation.fetch.SignedFetcher;
import org.tributary.federation.inbox.ActivityParser;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.inbox.InboxDispatcher;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.node.account.Account;
import org.tributary.node.follow.Follow;
import org.tributary.node.follow.FollowState;
import org.tributary.node.keys.LocalSigningKeys;
import org.tributary.node.account.Profile;
import org.tributary.node.account.ProfileStore;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.TestServices;

/**
 * Each inbound handler through the node's one dispatcher, on a real store. Bob and Sasha on sales are
 * already known (as if their actor documents had been fetched), so no handler needs the network.
 */
class InboundHandlersTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
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
    void startFromNoFollowsOrPosts() {
        node.resetSocialState();
    }

    @Test
    void aFollowOfAnEmployeeIsAcceptedAndAnswered() {
        URI followId = URI.create(bob.uri() + "/follows/1");
        assertInstanceOf(HandlerResult.Applied.class, dispatch(follow(followId, bob, alice.uri())));

        Follow follow = relation(bob, alice).orElseThrow();
        assertEquals(FollowState.ACCEPTED, follow.state());
        assertEquals(followId, follow.activityUri());
        List<JsonObject> queued = deliveries();
        assertEquals(1, queued.size());
        JsonObject accept = queued.get(0);
        assertEquals("Accept", accept.getString("type"));
        assertEquals(alice.uri().toString(), accept.getString("actor"));
        assertEquals(followId.toString(), accept.getJsonObject("object").getString("id"));
        assertEquals(List.of("https://sales.example/inbox"), deliveryInboxes());
    }

    @Test
    void aRepeatedFollowIsAnsweredAgainWithoutASecondRelation() {
        URI followId = URI.create(bob.uri() + "/follows/1");
        dispatch(follow(followId, bob, alice.uri()));
        assertInstanceOf(HandlerResult.Applied.class, dispatch(follow(followId, bob, alice.uri())));
        assertEquals(2, deliveries().size(), "the first Accept may have been lost");
        assertEquals(1L, (long) node.database.inTransaction(connection -> Jdbc.count(connection,
                "SELECT COUNT(*) FROM follows")));
    }

    @Test
    void aFollowOfALockedEmployeeStaysPendingUnanswered() {
        node.database.inTransactionVoid(connection -> Jdbc.update(connection,
                "UPDATE accounts SET locked = TRUE WHERE id = ?", alice.id()));
        dispatch(follow(URI.create(bob.uri() + "/follows/1"), bob, alice.uri()));
        assertEquals(FollowState.PENDING, relation(bob, alice).orElseThrow().state());
        assertEquals(0, deliveries().size());
    }

    @Test
    void followsOfSomeoneWhoIsNotAnEmployeeAreIgnored() {
        node.accounts.ensureInstanceActor();
        assertIgnored(dispatch(follow(URI.create(bob.uri() + "/follows/1"), bob,
                URI.create("https://finance.example/users/nobody"))));
        assertIgnored(dispatch(follow(URI.create(bob.uri() + "/follows/2"), bob,
                URI.create("https://finance.example/actor"))));
        assertIgnored(dispatch(follow(URI.create(bob.uri() + "/follows/3"), bob, sasha.uri())));
        assertEquals(0, deliveries().size());
    }

    @Test
    void anAcceptFromTheFollowedActorCompletesOurFollow() {
        Follow pending = node.follows.follow(alice, bob);
        assertIgnored(dispatch(accept(sasha, pending.activityUri())));
        assertEquals(FollowState.PENDING, relation(alice, bob).orElseThrow().state(), "only bob may accept");
        assertIgnored(dispatch(accept(bob, URI.create("https://finance.example/users/alice/follows/404"))));

        assertInstanceOf(HandlerResult.Applied.class, dispatch(accept(bob, pending.activityUri())));
        assertEquals(FollowState.ACCEPTED, relation(alice, bob).orElseThrow().state());
    }

    @Test
    void anUndoFromTheFollowerEndsTheirFollow() {
        URI followId = URI.create(bob.uri() + "/follows/1");
        dispatch(follow(followId, bob, alice.uri()));

        assertIgnored(dispatch(undo(sasha, followId)));
        assertTrue(relation(bob, alice).isPresent(), "only bob may undo his follow");
        assertIgnored(dispatch(undo(bob, URI.create(bob.uri() + "/follows/404"))));

        assertInstanceOf(HandlerResult.Applied.class, dispatch(undo(bob, followId)));
        assertEquals(Optional.empty(), relation(bob, alice));
    }

    @Test
    void aPostOfSomeoneFollowedHereIsStoredSanitized() {
        aliceFollowsBob();
        URI noteId = URI.create(bob.uri() + "/statuses/1");

        HandlerResult result = dispatch(create(bob, note(noteId, bob, "<p>Q3 <script>x()</script>"
                + "<a href=\"javascript:y()\">here</a></p>", List.of(PUBLIC), List.of(bob.followers().toString()))));

        assertInstanceOf(HandlerResult.Applied.class, result);
        Status stored = status(noteId).orElseThrow();
        assertEquals("<p>Q3 <a rel=\"nofollow noopener noreferrer\">here</a></p>", stored.contentHtml());
        assertEquals(Visibility.ORGANIZATION, stored.visibility());
        assertEquals(bob.id(), stored.accountId());
        assertEquals(false, stored.local());
        assertEquals(Instant.parse("2025-03-05T09:00:00Z"), stored.createdAt(), "the note's published time");

        assertIgnored(dispatch(create(bob, note(noteId, bob, "<p>again</p>", List.of(PUBLIC), List.of()))));
        assertEquals("<p>Q3 <a rel=\"nofollow noopener noreferrer\">here</a></p>",
                status(noteId).orElseThrow().contentHtml(), "a known post is not replaced");
    }

    @Test
    void aPostAddressedToAnEmployeeIsStoredEvenWithoutFollowers() {
        URI noteId = URI.create(sasha.uri() + "/statuses/7");
        dispatch(create(sasha, note(noteId, sasha, "<p>hi alice</p>", List.of(alice.uri().toString()), List.of())));
        assertEquals(Visibility.DIRECT, status(noteId).orElseThrow().visibility());

        URI followersOnly = URI.create(sasha.uri() + "/statuses/8");
        dispatch(create(sasha, note(followersOnly, sasha, "<p>x</p>", List.of(sasha.followers().toString()),
                List.of(alice.uri().toString()))));
        assertEquals(Visibility.FOLLOWERS, status(followersOnly).orElseThrow().visibility());
    }

    @Test
    void postsNobodyHereWantsOrThatAreMisattributedAreIgnored() {
        assertIgnored(dispatch(create(sasha, note(URI.create(sasha.uri() + "/statuses/1"), sasha, "<p>x</p>",
                List.of(PUBLIC), List.of()))));
        aliceFollowsBob();
        assertIgnored(dispatch(create(bob, note(URI.create(bob.uri() + "/statuses/2"), sasha, "<p>x</p>",
                List.of(PUBLIC), List.of()))));
        assertEquals(0L, (long) node.database.inTransaction(connection -> Jdbc.count(connection,
                "SELECT COUNT(*) FROM statuses")));
    }

    @Test
    void activitiesNobodyHandlesAreIgnoredWithTheirType() {
        HandlerResult result = dispatch(activity(Json.createObjectBuilder().add("id", bob.uri() + "/moves/1")
                .add("type", "Move").add("actor", bob.uri().toString()).add("object", alice.uri().toString())));
        assertEquals(new HandlerResult.Ignored("not handled: Move"), result);
        assertTrue(dispatcher.handledTypes().containsAll(java.util.Set.of("Follow", "Accept", "Reject", "Undo",
                "Create", "Update", "Delete", "Like", "Announce", "Block")), dispatcher.handledTypes()::toString);
    }

    private void aliceFollowsBob() {
        Follow follow = node.follows.follow(alice, bob);
        node.database.inTransactionVoid(connection -> node.followStore.setState(connection, follow.id(),
                FollowState.ACCEPTED));
    }

    @Test
    void anUpdateOfTheirOwnActorRefreshesTheCachedProfile() {
        JsonObjectBuilder person = person(bob, "Bob Builder")
                .add("icon", Json.createObjectBuilder().add("type", "Image").add("url", "https://sales.example/b.png"))
                .add("attachment", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "PropertyValue").add("name", "Title")
                                .add("value", "<p>Head of <b>sales</b></p>"))
                        .add(Json.createObjectBuilder().add("type", "PropertyValue").add("name", "Location")
                                .add("value", "Lyon"))
                        .add(Json.createObjectBuilder().add("type", "PropertyValue").add("name", "Pronouns")
                                .add("value", "he/him")))
                .add("department", "Sales EMEA");
        assertInstanceOf(HandlerResult.Applied.class, dispatch(updateActor(bob, person)));

        Account cached = node.database.inTransaction(connection -> node.accountStore.findById(connection, bob.id()))
                .orElseThrow();
        assertEquals("Bob Builder", cached.displayName());
        Profile profile = node.database.inTransaction(connection -> new ProfileStore().find(connection, bob.id()));
        assertEquals("Head of sales", profile.title());
        assertEquals("Lyon", profile.location());
        assertEquals("Sales EMEA", profile.department());
        assertEquals(Optional.of(URI.create("https://sales.example/b.png")), profile.avatar());
    }

    @Test
    void nobodyUpdatesSomeoneElsesProfile() {
        assertIgnored(dispatch(updateActor(sasha, person(bob, "Not Bob"))));
        assertEquals("bob", node.database.inTransaction(connection -> node.accountStore.findById(connection,
                bob.id())).orElseThrow().displayName());
    }

    @Test
    void anUpdateOfAnActorNobodyHereKnowsIsIgnored() {
        Account stranger = new Account(0, "stranger", "sales.example", URI.create("https://sales.example/users/stranger"),
                "stranger", "", URI.create("https://sales.example/users/stranger/inbox"), null, null, false,
                org.tributary.node.account.Role.EMPLOYEE, false, NOW);
        assertIgnored(dispatch(updateActor(stranger, person(stranger, "Stranger"))));
        assertTrue(node.database.inTransaction(connection -> node.accountStore.findByUri(connection,
                stranger.uri())).isEmpty());
    }

    private static JsonObjectBuilder person(Account account, String name) {
        return Json.createObjectBuilder().add("id", account.uri().toString()).add("type", "Person")
                .add("preferredUsername", account.username()).add("name", name)
                .add("inbox", account.uri() + "/inbox");
    }

    private static InboundActivity updateActor(Account actor, JsonObjectBuilder person) {
        return activity(Json.createObjectBuilder().add("id", actor.uri() + "#updates/" + System.nanoTime())
                .add("type", "Update").add("actor", actor.uri().toString()).add("object", person)
                .add("to", array(List.of(PUBLIC))));
    }

    private HandlerResult dispatch(InboundActivity activity) {
        return dispatcher.dispatch(activity);
    }

    @Test
    void anAddReachesTheCheckpointHandlerWhichIgnoresAnythingButACheckpoint() {
        HandlerResult result = dispatch(activity(Json.createObjectBuilder()
                .add("id", bob.uri() + "/adds/1").add("type", "Add").add("actor", bob.uri().toString())
                .add("object", Json.createObjectBuilder().add("id", bob.uri() + "/notes/1").add("type", "Note"))
                .add("target", bob.uri() + "/featured")));
        assertIgnored(result);
        assertEquals("an Add of something other than a checkpoint", ((HandlerResult.Ignored) result).reason());
    }

    private static void assertIgnored(HandlerResult result) {
        assertInstanceOf(HandlerResult.Ignored.class, result, String.valueOf(result));
    }

    private static InboundActivity follow(URI id, Account follower, URI target) {
        return activity(Json.createObjectBuilder().add("id", id.toString()).add("type", "Follow")
                .add("actor", follower.uri().toString()).add("object", target.toString()));
    }

    private static InboundActivity accept(Account actor, URI followId) {
        return activity(Json.createObjectBuilder().add("id", actor.uri() + "/accepts/" + followId.hashCode())
                .add("type", "Accept").add("actor", actor.uri().toString())
                .add("object", Json.createObjectBuilder().add("id", followId.toString()).add("type", "Follow")
                        .add("actor", "https://finance.example/users/alice").add("object", actor.uri().toString())));
    }

    private static InboundActivity undo(Account actor, URI followId) {
        return activity(Json.createObjectBuilder().add("id", actor.uri() + "/undos/" + followId.hashCode())
                .add("type", "Undo").add("actor", actor.uri().toString())
                .add("object", Json.createObjectBuilder().add("id", followId.toString()).add("type", "Follow")
                        .add("actor", actor.uri().toString()).add("object", "https://finance.example/users/alice")));
    }

    private static JsonObjectBuilder note(URI id, Account author, String html, List<String> to, List<String> cc) {
        return Json.createObjectBuilder().add("id", id.toString()).add("type", "Note")
                .add("attributedTo", author.uri().toString()).add("content", html)
                .add("published", "2025-03-05T09:00:00Z").add("to", array(to)).add("cc", array(cc));
    }

    private static InboundActivity create(Account actor, JsonObjectBuilder note) {
        JsonObject object = note.build();
        return activity(Json.createObjectBuilder().add("id", object.getString("id") + "/activity")
                .add("type", "Create").add("actor", actor.uri().toString()).add("object", object)
                .add("to", object.getJsonArray("to")).add("cc", object.getJsonArray("cc")));
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static InboundActivity activity(JsonObjectBuilder json) {
        byte[] raw = json.add("@context", "https://www.w3.org/ns/activitystreams").build().toString()
                .getBytes(StandardCharsets.UTF_8);
        return ((ActivityParser.Result.Parsed) new ActivityParser().parse(raw)).activity();
    }

    private Optional<Follow> relation(Account follower, Account target) {
        return node.database.inTransaction(connection -> node.followStore.find(connection, follower.id(),
                target.id()));
    }

    private Optional<Status> status(URI uri) {
        return node.database.inTransaction(connection -> node.statusStore.findByUri(connection, uri));
    }

    private List<JsonObject> deliveries() {
        return node.database.inTransaction(connection -> Jdbc.query(connection,
                "SELECT body FROM deliveries ORDER BY id", row -> node.codec.parse(row.getBytes(1))));
    }

    private List<String> deliveryInboxes() {
        return node.database.inTransaction(connection -> Jdbc.query(connection,
                "SELECT inbox_uri FROM deliveries ORDER BY id", row -> row.getString(1)));
    }
}
