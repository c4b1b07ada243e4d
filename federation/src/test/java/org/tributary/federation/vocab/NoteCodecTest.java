package org.tributary.federation.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;

class NoteCodecTest {

    private final VocabCodec codec = new VocabCodec(URI.create("https://eng.example/ns/tributary"));

    private Note read(String json) {
        return codec.readNote(Json.object(codec, json));
    }

    @Test
    void acceptsSingleValuesAsScalarsOrArrays() {
        Note scalar = read("""
                {'id':'https://a.example/n/1','type':'Note','to':'https://a.example/u/b',
                 'cc':'https://a.example/u/a/followers','attributedTo':['https://a.example/u/a'],
                 'content':['<p>hi</p>']}""");
        Note array = read("""
                {'id':'https://a.example/n/1','type':'Note','to':['https://a.example/u/b'],
                 'cc':['https://a.example/u/a/followers'],'attributedTo':'https://a.example/u/a',
                 'content':'<p>hi</p>'}""");

        assertEquals(List.of(URI.create("https://a.example/u/b")), scalar.to());
        assertEquals(scalar, array);
    }

    @Test
    void acceptsLinksAsStringsOrEmbeddedObjects() {
        Note note = read("""
                {'id':'https://a.example/n/1','type':'Note',
                 'attributedTo':{'id':'https://a.example/u/a','type':'Person','name':'A'},
                 'inReplyTo':{'id':'https://b.example/n/9','type':'Note'},
                 'to':[{'id':'https://b.example/u/b','type':'Person'},'https://c.example/u/c'],
                 'url':{'type':'Link','href':'https://a.example/@a/1','mediaType':'text/html'}}""");

        assertEquals(URI.create("https://a.example/u/a"), note.attributedTo());
        assertEquals(URI.create("https://b.example/n/9"), note.inReplyTo());
        assertEquals(List.of(URI.create("https://b.example/u/b"), URI.create("https://c.example/u/c")), note.to());
        assertEquals(URI.create("https://a.example/@a/1"), note.url());
    }

    @Test
    void expandsTheCompactFormsOfPublic() {
        Note note = read("""
                {'id':'https://a.example/n/1','type':'Note','to':['as:Public','Public'],
                 'cc':'https://www.w3.org/ns/activitystreams#Public'}""");

        assertEquals(List.of(As2.PUBLIC, As2.PUBLIC), note.to());
        assertEquals(List.of(As2.PUBLIC), note.cc());
    }

    @Test
    void readsTagsDatesAndFlags() {
        Note note = read("""
                {'id':'https://a.example/n/1','type':'Question','sensitive':true,
                 'published':'2024-03-05T10:15:30+01:00','updated':'2024-03-05T09:20:00.5Z',
                 'tag':[{'type':'Mention','name':'@b@b.example','href':'https://b.example/u/b'},
                        {'type':'Hashtag','name':'#lrnchat','href':'https://a.example/tags/lrnchat','x':1}]}""");

        assertTrue(note.sensitive());
        assertEquals(Instant.parse("2024-03-05T09:15:30Z"), note.published());
        assertEquals(Instant.parse("2024-03-05T09:20:00.5Z"), note.updated());
        assertEquals(Tag.mention("@b@b.example", URI.create("https://b.example/u/b")), note.tag().get(0));
        assertEquals("Hashtag", note.tag().get(1).type());
        assertEquals(1, note.tag().get(1).extensions().getInt("x"));
    }

    @Test
    void roundTripKeepsUnknownAndNestedProperties() {
        String json = """
                {'@context':['https://www.w3.org/ns/activitystreams','https://eng.example/ns/tributary'],
                 'id':'https://a.example/n/1','type':'Question','content':'Which build tool?',
                 'oneOf':[{'type':'Note','name':'Maven','replies':{'type':'Collection','totalItems':3}}],
                 'acceptedAnswer':'https://b.example/n/7','visibility':'organization',
                 'attachment':[{'type':'Document','mediaType':'image/png','url':'https://a.example/f.png',
                                'focalPoint':[0.5,-0.25]}],
                 'url':['https://a.example/@a/1',{'type':'Link','href':'https://a.example/n/1.html'}]}""";
        Note note = read(json);

        assertNull(note.url(), "several URLs are not one URI");
        JsonObject written = codec.toJson(note);
        JsonObject original = Json.object(codec, json);

        for (String key : original.keySet()) {
            assertEquals(original.get(key), written.get(key), key);
        }
        assertEquals(note, codec.readNote(codec.parse(codec.toBytes(note))));
    }

    @Test
    void writesOurPostsWithActivityStreamsFirstAndOurContext() {
        Note note = new Note(URI.create("https://eng.example/n/1"), As2.NOTE,
                URI.create("https://eng.example/u/a"), "<p>hello</p>", null, false,
                Instant.parse("2024-01-02T03:04:05Z"), null, List.of(As2.PUBLIC), List.of(), null, null,
                List.of(Tag.hashtag("#java", URI.create("https://eng.example/tags/java"))), null);

        JsonObject json = codec.toJson(note);

        assertEquals(List.of("https://www.w3.org/ns/activitystreams", "https://eng.example/ns/tributary"),
                json.getJsonArray("@context").getValuesAs(JsonString::getString));
        assertEquals("2024-01-02T03:04:05Z", json.getString("published"));
        assertEquals(As2.PUBLIC.toString(), json.getJsonArray("to").getString(0));
        assertFalse(json.containsKey("sensitive"));
        assertFalse(json.containsKey("cc"));
        assertEquals(json, codec.toJson(codec.readNote(json)), "write, read, write is stable");
    }

    @Test
    void refusesInvalidValuesWithMalformedActivity() {
        for (String bad : List.of(
                "{'id':'https://a.example/n/1','type':'Note','content':{'x':1}}",
                "{'id':'https://a.example/n/1','type':'Note','sensitive':'yes'}",
                "{'id':'https://a.example/n/1','type':'Note','inReplyTo':'../n/0'}",
                "{'id':'https://a.example/n/1','type':'Note','tag':[{'name':'#untyped'}]}",
                "{'id':'https://a.example/n/1','type':'Note','attributedTo':['https://a.example/u/a','https://b.example/u/b']}",
                "{'id':'https://a.example/n/1','type':'Note','to':['https://a.example/" + "x".repeat(5000) + "']}",
                "{'id':'ftp://a.example/n/1','type':'Note'}")) {
            VocabException thrown = assertThrows(VocabException.class, () -> read(bad), bad);
            assertEquals(FederationError.MALFORMED_ACTIVITY, thrown.error(), bad);
        }
    }
}
