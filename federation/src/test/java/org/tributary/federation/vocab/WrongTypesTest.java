package org.tributary.federation.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;

/**
 * Replaces each property of realistic documents, one at a time, with values of every other JSON
 * shape. Reading must then either succeed or fail with MALFORMED_ACTIVITY: nothing else may escape.
 */
class WrongTypesTest {

    private final VocabCodec codec = VocabCodec.forRemote();
    private final JsonProvider json = JsonProvider.provider();

    private final List<JsonValue> wrongValues = List.of(
            JsonValue.NULL, JsonValue.TRUE, json.createValue(-1), json.createValue(1e300),
            json.createValue(""), json.createValue("relative/path"), json.createValue("http://[::1"),
            JsonValue.EMPTY_JSON_OBJECT, JsonValue.EMPTY_JSON_ARRAY,
            json.createArrayBuilder().add(1).add(2).build(),
            json.createArrayBuilder().add(JsonValue.NULL).build(),
            json.createObjectBuilder().add("id", 5).build(),
            json.createObjectBuilder().add("type", "Link").add("href", "mailto:x@y").build());

    private static final String ACTOR = """
            {'@context':'https://www.w3.org/ns/activitystreams','id':'https://a.example/u/a','type':'Person',
             'preferredUsername':'a','name':'A','summary':'s','inbox':'https://a.example/u/a/inbox',
             'outbox':'https://a.example/u/a/outbox','followers':'https://a.example/u/a/followers',
             'following':'https://a.example/u/a/following','endpoints':{'sharedInbox':'https://a.example/inbox'},
             'publicKey':{'id':'https://a.example/u/a#k','owner':'https://a.example/u/a','publicKeyPem':'P'},
             'assertionMethod':[{'id':'https://a.example/u/a#m','type':'Multikey',
                                 'controller':'https://a.example/u/a','publicKeyMultibase':'z6Mk'}],
             'manuallyApprovesFollowers':false}""";

    private static final String CREATE = """
            {'id':'https://a.example/c/1','type':'Create','actor':'https://a.example/u/a',
             'to':['as:Public'],'cc':'https://a.example/u/a/followers','published':'2025-01-01T00:00:00Z',
             'object':{'id':'https://a.example/n/1','type':'Note','attributedTo':'https://a.example/u/a',
                       'content':'c','summary':'s','sensitive':false,'published':'2025-01-01T00:00:00Z',
                       'updated':'2025-01-01T00:00:00Z','to':'as:Public','inReplyTo':'https://b.example/n/0',
                       'url':'https://a.example/@a/1','tag':[{'type':'Hashtag','name':'#t','href':'https://a.example/t/t'}]}}""";

    private static final String COLLECTION = """
            {'id':'https://a.example/c','type':'OrderedCollection','totalItems':1,'first':'https://a.example/c?p=1',
             'last':'https://a.example/c?p=1','orderedItems':['https://a.example/n/1']}""";

    @Test
    void actorsFailOnlyWithMalformedActivity() {
        mutateEveryProperty(Json.object(codec, ACTOR), codec::readActor);
    }

    @Test
    void activitiesAndTheirNotesFailOnlyWithMalformedActivity() {
        JsonObject create = Json.object(codec, CREATE);
        mutateEveryProperty(create, codec::readActivity);
        mutateEveryProperty(create.getJsonObject("object"), codec::readNote);
    }

    @Test
    void collectionsFailOnlyWithMalformedActivity() {
        JsonObject collection = Json.object(codec, COLLECTION);
        mutateEveryProperty(collection, codec::readOrderedCollection);
        mutateEveryProperty(collection, codec::readOrderedCollectionPage);
    }

    private void mutateEveryProperty(JsonObject original, Function<JsonObject, ?> read) {
        read.apply(original);
        for (String name : original.keySet()) {
            for (JsonValue wrong : wrongValues) {
                JsonObject mutated = json.createObjectBuilder(original).add(name, wrong).build();
                try {
                    read.apply(mutated);
                } catch (VocabException e) {
                    assertEquals(FederationError.MALFORMED_ACTIVITY, e.error(), name + "=" + wrong);
                } catch (RuntimeException e) {
                    fail(name + "=" + wrong + " escaped as " + e, e);
                }
            }
        }
    }
}
