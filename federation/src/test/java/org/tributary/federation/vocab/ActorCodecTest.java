package org.tributary.federation.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;

class ActorCodecTest {

    private static final URI OUR_CONTEXT = URI.create("http://127.0.0.1:8080/ns/tributary");

    private final VocabCodec codec = new VocabCodec(OUR_CONTEXT);

    private static final String MASTODON_STYLE_ACTOR = """
            {'@context':['https://www.w3.org/ns/activitystreams','https://w3id.org/security/v1',
                         {'toot':'http://joinmastodon.org/ns#','featured':{'@id':'toot:featured','@type':'@id'}}],
             'id':'https://hr.example/users/alice','type':'Person','preferredUsername':'alice',
             'name':'Alice','summary':'<p>HR</p>',
             'inbox':'https://hr.example/users/alice/inbox','outbox':'https://hr.example/users/alice/outbox',
             'followers':'https://hr.example/users/alice/followers',
             'following':'https://hr.example/users/alice/following',
             'featured':'https://hr.example/users/alice/featured',
             'endpoints':{'sharedInbox':'https://hr.example/inbox','oauthTokenEndpoint':'https://hr.example/token'},
             'publicKey':{'id':'https://hr.example/users/alice#main-key','owner':'https://hr.example/users/alice',
                          'publicKeyPem':'-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----','x-note':'kept'},
             'assertionMethod':[{'id':'https://hr.example/users/alice#ed25519-key','type':'Multikey',
                                 'controller':'https://hr.example/users/alice',
                                 'publicKeyMultibase':'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
                                 'expires':'2030-01-01T00:00:00Z'}],
             'manuallyApprovesFollowers':true,
             'icon':{'type':'Image','url':'https://hr.example/a.png','mediaType':'image/png'}}
            """;

    @Test
    void readsEveryModelledProperty() {
        Actor actor = codec.readActor(Json.object(codec, MASTODON_STYLE_ACTOR));

        assertEquals(URI.create("https://hr.example/users/alice"), actor.id());
        assertEquals("Person", actor.type());
        assertEquals("alice", actor.preferredUsername());
        assertEquals("Alice", actor.name());
        assertEquals(URI.create("https://hr.example/users/alice/inbox"), actor.inbox());
        assertEquals(URI.create("https://hr.example/inbox"), actor.sharedInbox());
        assertEquals(URI.create("https://hr.example/users/alice#main-key"), actor.publicKey().id());
        assertEquals(URI.create("https://hr.example/users/alice"), actor.publicKey().owner());
        assertTrue(actor.publicKey().publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertEquals(1, actor.assertionMethod().size());
        assertEquals("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                actor.assertionMethod().get(0).publicKeyMultibase());
        assertTrue(actor.manuallyApprovesFollowers());
    }

    @Test
    void keepsUnknownPropertiesAtEveryLevel() {
        Actor actor = codec.readActor(Json.object(codec, MASTODON_STYLE_ACTOR));

        assertEquals("https://hr.example/users/alice/featured", actor.extensions().getString("featured"));
        assertEquals("image/png", actor.extensions().getJsonObject("icon").getString("mediaType"));
        assertEquals("https://hr.example/token",
                actor.extensions().getJsonObject("endpoints").getString("oauthTokenEndpoint"));
        assertFalse(actor.extensions().getJsonObject("endpoints").containsKey("sharedInbox"));
        assertEquals("kept", actor.publicKey().extensions().getString("x-note"));
        assertEquals("2030-01-01T00:00:00Z", actor.assertionMethod().get(0).extensions().getString("expires"));

        JsonObject written = codec.toJson(actor);

        assertEquals("https://hr.example/users/alice/featured", written.getString("featured"));
        assertEquals("https://hr.example/inbox", written.getJsonObject("endpoints").getString("sharedInbox"));
        assertEquals("https://hr.example/token", written.getJsonObject("endpoints").getString("oauthTokenEndpoint"));
        assertEquals("kept", written.getJsonObject("publicKey").getString("x-note"));
        assertEquals("2030-01-01T00:00:00Z",
                written.getJsonArray("assertionMethod").getJsonObject(0).getString("expires"));
        // The peer's context defines 'featured', so it travels with the actor.
        assertEquals(Json.object(codec, MASTODON_STYLE_ACTOR).get("@context"), written.get("@context"));
        assertEquals(actor, codec.readActor(codec.parse(codec.toBytes(actor))));
    }

    @Test
    void writesOurActorsWithTheFullContextListActivityStreamsFirst() {
        Actor actor = new Actor(URI.create("http://127.0.0.1:8080/users/bob"), As2.PERSON, "bob", "Bob", null,
                URI.create("http://127.0.0.1:8080/users/bob/inbox"), null, null, null,
                URI.create("http://127.0.0.1:8080/inbox"),
                new PublicKeyPem(URI.create("http://127.0.0.1:8080/users/bob#main-key"),
                        URI.create("http://127.0.0.1:8080/users/bob"), "PEM"),
                List.of(new Multikey(URI.create("http://127.0.0.1:8080/users/bob#ed25519-key"),
                        URI.create("http://127.0.0.1:8080/users/bob"), "z6Mk")),
                false, null);

        JsonObject json = codec.toJson(actor);

        assertEquals(List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1",
                        "https://w3id.org/security/multikey/v1", OUR_CONTEXT.toString()),
                json.getJsonArray("@context").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("Multikey", json.getJsonArray("assertionMethod").getJsonObject(0).getString("type"));
        assertEquals("http://127.0.0.1:8080/inbox", json.getJsonObject("endpoints").getString("sharedInbox"));
        assertFalse(json.getBoolean("manuallyApprovesFollowers"));
        assertFalse(json.containsKey("summary"), "absent values are left out, not null");
        assertEquals(json, codec.toJson(codec.readActor(json)), "write, read, write is stable");
    }

    @Test
    void acceptsAKeyPublishedOnlyByReference() {
        Actor actor = codec.readActor(Json.object(codec, """
                {'id':'https://a.example/u/a','type':'Service','inbox':'https://a.example/u/a/inbox',
                 'publicKey':'https://a.example/u/a#main-key'}"""));

        assertEquals(URI.create("https://a.example/u/a#main-key"), actor.publicKey().id());
        assertNull(actor.publicKey().publicKeyPem());
        assertNull(actor.sharedInbox());
        assertTrue(actor.assertionMethod().isEmpty());
    }

    @Test
    void leavesAnAssertionMethodItCannotModelUntouched() {
        Actor actor = codec.readActor(Json.object(codec, """
                {'id':'https://a.example/u/a','type':'Person','inbox':'https://a.example/u/a/inbox',
                 'assertionMethod':['https://a.example/u/a#key-1']}"""));

        assertTrue(actor.assertionMethod().isEmpty());
        assertEquals("https://a.example/u/a#key-1",
                codec.toJson(actor).getJsonArray("assertionMethod").getString(0));
    }

    @Test
    void requiresAnAbsoluteInbox() {
        VocabException missing = assertThrows(VocabException.class, () -> codec.readActor(Json.object(codec,
                "{'id':'https://a.example/u/a','type':'Person'}")));
        VocabException relative = assertThrows(VocabException.class, () -> codec.readActor(Json.object(codec,
                "{'id':'https://a.example/u/a','type':'Person','inbox':'/inbox'}")));

        assertEquals(FederationError.MALFORMED_ACTIVITY, missing.error());
        assertEquals(FederationError.MALFORMED_ACTIVITY, relative.error());
    }
}
