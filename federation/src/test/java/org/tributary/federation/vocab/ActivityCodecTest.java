package org.tributary.federation.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;

class ActivityCodecTest {

    private final VocabCodec codec = new VocabCodec(URI.create("http://127.0.0.1:8081/ns/tributary"));

    /** Shaped like what Fedify sends: scalars, an integrity proof, an LD signature. */
    private static final String FEDIFY_CREATE = """
            {'@context':['https://www.w3.org/ns/activitystreams','https://w3id.org/security/data-integrity/v1'],
             'id':'http://127.0.0.1:8950/posts/1#activity','type':'Create',
             'actor':'http://127.0.0.1:8950/users/peer','to':'as:Public','cc':'http://127.0.0.1:8950/users/peer/followers',
             'published':'2025-01-01T12:00:00Z',
             'object':{'id':'http://127.0.0.1:8950/posts/1','type':'Note','attributedTo':'http://127.0.0.1:8950/users/peer',
                       'content':'<p>hello</p>','to':'as:Public','quoteUrl':'http://127.0.0.1:8950/posts/0',
                       'replies':{'id':'http://127.0.0.1:8950/posts/1/replies','type':'Collection','totalItems':0}},
             'proof':{'type':'DataIntegrityProof','cryptosuite':'eddsa-jcs-2022',
                      'verificationMethod':'http://127.0.0.1:8950/users/peer#key-2','proofPurpose':'assertionMethod',
                      'proofValue':'z3sXaxjKs4M3BRicwWA9peyNPJvJqxtGsDmpt1jjoHCjgeUf71TRFz56osPSfDErszyLp5Ks1EhYSgpDaNM977Rg2',
                      'created':'2025-01-01T12:00:00Z'},
             'signature':{'type':'RsaSignature2017','creator':'http://127.0.0.1:8950/users/peer#main-key',
                          'signatureValue':'AAA='}}""";

    @Test
    void readsAnActivityWithAnEmbeddedObjectAndKeepsItsWholeJson() {
        JsonObject json = Json.object(codec, FEDIFY_CREATE);
        Activity activity = codec.readActivity(json);

        assertEquals(URI.create("http://127.0.0.1:8950/posts/1#activity"), activity.id());
        assertEquals(As2.CREATE, activity.type());
        assertEquals(URI.create("http://127.0.0.1:8950/users/peer"), activity.actor());
        assertEquals(List.of(As2.PUBLIC), activity.to());
        assertEquals(Instant.parse("2025-01-01T12:00:00Z"), activity.published());
        ObjectRef.Embedded object = assertInstanceOf(ObjectRef.Embedded.class, activity.object());
        assertEquals(URI.create("http://127.0.0.1:8950/posts/1"), activity.objectId());
        assertEquals(json.getJsonObject("object"), object.json());
        assertEquals("eddsa-jcs-2022", activity.extensions().getJsonObject("proof").getString("cryptosuite"));

        Note note = object.asNote(codec).orElseThrow();

        assertEquals("<p>hello</p>", note.content());
        assertEquals("http://127.0.0.1:8950/posts/0", note.extensions().getString("quoteUrl"));
        assertTrue(object.asActivity(codec).isEmpty(), "a Note is not an activity");
    }

    @Test
    void roundTripPutsBackEveryProperty() {
        JsonObject original = Json.object(codec, FEDIFY_CREATE);

        JsonObject written = codec.parse(codec.toBytes(codec.readActivity(original)));

        for (String key : original.keySet()) {
            if (!key.equals("to") && !key.equals("cc")) {
                assertEquals(original.get(key), written.get(key), key);
            }
        }
        // Addressing comes back normalised: arrays of full IRIs.
        assertEquals(As2.PUBLIC.toString(), written.getJsonArray("to").getString(0));
        assertEquals("http://127.0.0.1:8950/users/peer/followers", written.getJsonArray("cc").getString(0));
    }

    @Test
    void acceptsTheObjectAsAPlainLink() {
        Activity follow = codec.readActivity(Json.object(codec, """
                {'id':'https://a.example/f/1','type':'Follow','actor':{'id':'https://a.example/u/a','type':'Person'},
                 'object':'https://b.example/u/b'}"""));

        assertEquals(new ObjectRef.Link(URI.create("https://b.example/u/b")), follow.object());
        assertEquals(URI.create("https://a.example/u/a"), follow.actor());
        assertEquals("https://b.example/u/b", codec.toJson(follow).getString("object"));
    }

    @Test
    void readsAnAcceptWithTheFollowEmbedded() {
        Activity accept = codec.readActivity(Json.object(codec, """
                {'id':'https://b.example/a/1','type':'Accept','actor':'https://b.example/u/b',
                 'object':{'id':'https://a.example/f/1','type':'Follow','actor':'https://a.example/u/a',
                           'object':'https://b.example/u/b'}}"""));

        ObjectRef.Embedded embedded = assertInstanceOf(ObjectRef.Embedded.class, accept.object());
        Activity follow = embedded.asActivity(codec).orElseThrow();

        assertEquals(URI.create("https://a.example/u/a"), follow.actor());
        assertTrue(embedded.asNote(codec).isEmpty());
    }

    @Test
    void allowsIntransitiveActivitiesAndTakesTheFirstOfSeveralTypes() {
        Activity activity = codec.readActivity(Json.object(codec, """
                {'id':'https://a.example/x/1','type':['Arrive','https://other.example/ns#CheckIn'],
                 'actor':['https://a.example/u/a']}"""));

        assertEquals("Arrive", activity.type());
        assertNull(activity.object());
        assertNull(activity.objectId());
    }

    @Test
    void embedsOurObjectsWithoutANestedContext() {
        Note note = new Note(URI.create("http://127.0.0.1:8081/n/1"), As2.NOTE,
                URI.create("http://127.0.0.1:8081/u/a"), "hi", null, false, null, null,
                List.of(As2.PUBLIC), List.of(), null, null, List.of(), null);
        Activity create = new Activity(URI.create("http://127.0.0.1:8081/n/1/activity"), As2.CREATE,
                note.attributedTo(), codec.embed(note), note.to(), note.cc(), null, null);

        JsonObject json = codec.toJson(create);

        assertFalse(json.getJsonObject("object").containsKey("@context"));
        assertEquals("hi", json.getJsonObject("object").getString("content"));
        assertEquals("https://www.w3.org/ns/activitystreams", json.getJsonArray("@context").getString(0));
        assertEquals("http://127.0.0.1:8081/ns/tributary", json.getJsonArray("@context").getString(1));
        assertEquals(2, json.getJsonArray("@context").size(), "no key contexts on an activity");
    }

    @Test
    void remoteCodecWritesOnlyStandardContexts() {
        Activity like = new Activity(URI.create("https://a.example/l/1"), As2.LIKE,
                URI.create("https://a.example/u/a"), new ObjectRef.Link(URI.create("https://b.example/n/1")),
                List.of(), List.of(), null, null);

        JsonObject json = VocabCodec.forRemote().toJson(like);

        assertEquals(1, json.getJsonArray("@context").size());
        assertTrue(VocabCodec.forRemote().tributaryContext().isEmpty());
    }

    @Test
    void malformedEmbeddedObjectsFailWhenRead() {
        ObjectRef.Embedded embedded = new ObjectRef.Embedded(URI.create("https://a.example/n/1"), As2.NOTE,
                Json.object(codec, "{'id':'https://a.example/n/1','type':'Note','published':'soon'}"));

        VocabException thrown = assertThrows(VocabException.class, () -> embedded.asNote(codec));

        assertEquals(FederationError.MALFORMED_ACTIVITY, thrown.error());
    }
}
