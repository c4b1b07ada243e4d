package org.tributary.federation.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContextsTest {

    private final Contexts contexts = new Contexts();
    private final BoundedJsonReader reader = new BoundedJsonReader(JsonLimits.DEFAULT);

    private JsonObject context(String url) {
        String document = contexts.bundled(URI.create(url)).orElseThrow();
        return reader.read(document.getBytes(StandardCharsets.UTF_8)).asJsonObject().getJsonObject("@context");
    }

    @Test
    void bundlesTheActivityStreamsContext() {
        JsonObject as = context("https://www.w3.org/ns/activitystreams");

        assertEquals("_:", as.getString("@vocab"));
        assertEquals("https://www.w3.org/ns/activitystreams#", as.getString("as"));
        assertEquals("ldp:inbox", as.getJsonObject("inbox").getString("@id"));
        assertEquals("@list", as.getJsonObject("orderedItems").getString("@container"));
        assertEquals("as:sharedInbox", as.getJsonObject("sharedInbox").getString("@id"));
        assertEquals(as, context("https://www.w3.org/ns/activitystreams#"), "fragment is ignored");
    }

    @Test
    void bundlesTheSecurityContexts() {
        assertEquals("sec:publicKeyPem", context("https://w3id.org/security/v1").getString("publicKeyPem"));
        assertEquals("https://w3id.org/security#Multikey",
                context("https://w3id.org/security/multikey/v1").getJsonObject("Multikey").getString("@id"));
    }

    @Test
    void definesOurTermsInOurNamespace() {
        JsonObject ours = context("http://127.0.0.1:8950/ns/tributary");

        assertEquals(TributaryTerms.NAMESPACE, ours.getString("tributary"));
        assertEquals("tributary:Kudos", ours.getString(TributaryTerms.KUDOS));
        assertEquals("tributary:kudosValue", ours.getString(TributaryTerms.KUDOS_VALUE));
        assertEquals("tributary:recipient", ours.getJsonObject(TributaryTerms.RECIPIENT).getString("@id"));
        assertEquals("schema:acceptedAnswer", ours.getJsonObject(TributaryTerms.ACCEPTED_ANSWER).getString("@id"));
        assertEquals("https://schema.org/", ours.getString("schema"));
        assertEquals("tributary:department", ours.getString(TributaryTerms.DEPARTMENT));
        assertEquals("tributary:visibility", ours.getString(TributaryTerms.VISIBILITY));
        assertEquals("as:Hashtag", ours.getString(As2.HASHTAG));
    }

    @Test
    void knowsNothingElse() {
        assertTrue(contexts.bundled(URI.create("https://evil.example/context.jsonld")).isEmpty());
        assertTrue(contexts.bundled(URI.create("https://a.example/ns/tributary/../x")).isEmpty());
        assertTrue(contexts.bundled(URI.create("ftp://a.example/ns/tributary")).isEmpty());
        assertTrue(contexts.bundled(null).isEmpty());
    }

    @Test
    void buildsTheContextUrlOfANode() {
        assertEquals(URI.create("http://127.0.0.1:8950/ns/tributary"),
                Contexts.tributaryContextFor(URI.create("http://127.0.0.1:8950/")));
        assertEquals(URI.create("https://eng.example/ns/tributary"),
                Contexts.tributaryContextFor(URI.create("https://eng.example")));
    }

    @Test
    void specCopyIsIdenticalToTheBundledResource() throws IOException {
        // Maven runs tests from the module directory; the spec module sits beside it.
        Path spec = Path.of("..", "spec", "context", "tributary.jsonld");

        assertEquals(Files.readString(spec, StandardCharsets.UTF_8), contexts.tributary());
    }
}
