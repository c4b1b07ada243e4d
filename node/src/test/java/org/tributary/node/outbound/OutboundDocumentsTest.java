package org.tributary.node.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.Actor;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.Multikey;
import org.tributary.node.account.Account;
import org.tributary.node.keys.ActorKey;
import org.tributary.node.keys.KeyPems;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;
import org.tributary.node.testing.TestServices;

/** The outgoing shapes: actor documents, collections, follow and note activities. */
class OutboundDocumentsTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private static TestServices node;
    private static Account alice;

    @BeforeAll
    static void createNode() {
        node = new TestServices(Clock.fixed(NOW, ZoneOffset.UTC));
        alice = node.employee("alice");
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    @Test
    void anEmployeesActorPublishesBothKeys() {
        List<ActorKey> keys = node.accounts.keysOf(alice);
        Actor actor = new ActorDocuments(node.uris).actorOf(alice, keys);

        assertEquals("Person", actor.type());
        assertEquals("alice", actor.preferredUsername());
        assertEquals(alice.uri(), actor.id());
        assertEquals(node.uris.inbox("alice"), actor.inbox());
        assertEquals(node.uris.outbox("alice"), actor.outbox());
        assertEquals(node.uris.followers("alice"), actor.followers());
        assertEquals(node.uris.sharedInbox(), actor.sharedInbox());
        assertEquals(node.uris.rsaKeyId("alice"), actor.publicKey().id());
        assertEquals(alice.uri(), actor.publicKey().owner());
        assertEquals(List.of(node.uris.ed25519KeyId("alice"), node.uris.rsaKeyId("alice")),
                actor.assertionMethod().stream().map(Multikey::id).toList());
        assertEquals(KeyPems.multikey(keys.get(0).publicPem()), actor.assertionMethod().get(0).publicKeyMultibase());
    }

    @Test
    void theInstanceActorIsAnApplicationWithoutCollections() {
        Account instance = node.accounts.ensureInstanceActor();
        Actor actor = new ActorDocuments(node.uris).actorOf(instance, node.accounts.keysOf(instance));
        assertEquals("Application", actor.type());
        assertEquals("finance.example", actor.preferredUsername());
        assertEquals(URI.create("https://finance.example/actor/inbox"), actor.inbox());
        assertNull(actor.outbox());
        assertNull(actor.followers());
    }

    @Test
    void anAccountWithoutAnRsaKeyIsAnInternalError() {
        List<ActorKey> onlyEd25519 = node.accounts.keysOf(alice).subList(0, 1);
        assertThrows(IllegalStateException.class, () -> new ActorDocuments(node.uris).actorOf(alice, onlyEd25519));
    }

    @Test
    void collectionsListTheirItemsInline() {
        JsonObject collection = new CollectionDocuments().of(node.uris.followers("alice"),
                List.of(URI.create("https://sales.example/users/bob")));
        assertEquals(Json.createObjectBuilder().add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", "https://finance.example/users/alice/followers").add("type", "OrderedCollection")
                .add("totalItems", 1).add("orderedItems", Json.createArrayBuilder().add("https://sales.example/users/bob"))
                .build(), collection);
        assertEquals(0, new CollectionDocuments().ofObjects(node.uris.outbox("alice"), List.of()).getInt("totalItems"));
    }

    @Test
    void followAcceptAndUndoEmbedTheFollow() {
        FollowActivities activities = node.followActivities;
        URI bob = URI.create("https://sales.example/users/bob");
        Activity follow = activities.follow(URI.create(alice.uri() + "/follows/1"), alice.uri(), bob, NOW);
        assertEquals("Follow", follow.type());
        assertEquals(bob, follow.object().id());
        assertEquals(List.of(bob), follow.to());

        Activity accept = activities.answer("Accept", URI.create(bob + "/accepts/1"), follow, NOW);
        assertEquals(bob, accept.actor(), "the followed actor answers");
        assertEquals(follow.id(), accept.object().id());
        assertEquals(List.of(alice.uri()), accept.to());

        Activity undo = activities.undo(URI.create(alice.uri() + "/undos/1"), follow, NOW);
        assertEquals(alice.uri(), undo.actor());
        assertEquals(follow.id(), undo.object().id());
        assertEquals(List.of(bob), undo.to());
    }

    @Test
    void notesAreAddressedByVisibility() {
        NoteActivities notes = node.noteActivities;
        URI carol = URI.create("https://sales.example/users/carol");
        assertEquals(new NoteActivities.Audience(List.of(As2.PUBLIC), List.of(alice.followers(), carol)),
                notes.audienceOf(status(Visibility.ORGANIZATION), alice, List.of(carol)));
        assertEquals(new NoteActivities.Audience(List.of(alice.followers()), List.of(carol)),
                notes.audienceOf(status(Visibility.FOLLOWERS), alice, List.of(carol)));
        assertEquals(new NoteActivities.Audience(List.of(carol), List.of()),
                notes.audienceOf(status(Visibility.DIRECT), alice, List.of(carol)));
        assertEquals(new NoteActivities.Audience(List.of(), List.of()),
                notes.audienceOf(status(Visibility.DEPARTMENT), alice, List.of(carol)));
        assertEquals(false, NoteActivities.federates(Visibility.DEPARTMENT));
        assertEquals(true, NoteActivities.federates(Visibility.FOLLOWERS));
    }

    @Test
    void createWrapsTheNoteWithTheSameAudience() {
        Status status = status(Visibility.ORGANIZATION);
        NoteActivities.Audience audience = node.noteActivities.audienceOf(status, alice, List.of());
        Activity create = node.noteActivities.create(status, alice, audience);
        assertEquals(URI.create(status.uri() + "/activity"), create.id());
        assertEquals("Create", create.type());
        assertEquals(status.uri(), create.object().id());
        assertEquals(audience.to(), create.to());
        assertEquals(audience.cc(), create.cc());
        assertEquals(status.contentHtml(), node.noteActivities.note(status, alice, audience).content());
    }

    private static Status status(Visibility visibility) {
        return new Status(1L, node.uris.status("alice", 1L), alice.id(), visibility, "<p>x</p>", null, true, NOW);
    }
}
