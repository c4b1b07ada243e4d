package org.tributary.spec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.spec.conformance.Responses.assertRejected;
import static org.tributary.spec.conformance.Responses.assertStatus;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.testing.TestActor;

/**
 * Authorized fetch: an employee's actor document and collections are served only for a GET signed by an
 * actor on an allowlisted peer; the discovery documents (instance actor, WebFinger, NodeInfo, our JSON-LD
 * context) are readable unsigned, so that two nodes can find each other and fetch each other's keys.
 */
class AuthorizedFetchTest {
    private static NodeUnderTest rig;
    private static FakePeer stranger;
    private static TestActor eve;

    @BeforeAll
    static void start() {
        rig = NodeUnderTest.start("authorized-fetch", "bob");
        stranger = FakePeer.start();
        eve = stranger.actor("eve");
    }

    @AfterAll
    static void stop() {
        stranger.close();
        rig.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/users/bob", "/users/bob/followers", "/users/bob/following", "/users/bob/outbox"})
    void anUnsignedGetIsRefused(String path) {
        assertRejected(rig.http().getUnsigned(rig.url(path)), 401, "signature_missing");
    }

    @ParameterizedTest
    @CsvSource({"/users/bob, RFC9421", "/users/bob, CAVAGE", "/users/bob/followers, RFC9421",
            "/users/bob/followers, CAVAGE", "/users/bob/following, CAVAGE", "/users/bob/outbox, RFC9421",
            "/users/bob/outbox, CAVAGE"})
    void aGetSignedByAnAllowlistedActorIsServed(String path, SignatureScheme scheme) {
        URI url = rig.url(path);
        JsonObject document = Responses.assertActivityJson(rig.http().get(url, rig.reader().signingKey(), scheme));
        assertEquals(url.toString(), document.getString("id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/users/bob", "/users/bob/followers", "/users/bob/outbox"})
    void aGetSignedOnAHostThatIsNotAllowlistedIsRefusedWithoutContactingIt(String path) {
        assertRejected(rig.http().get(rig.url(path), eve.signingKey(), SignatureScheme.CAVAGE), 403,
                "peer_not_allowed");
        assertEquals(List.of(), stranger.received());
    }

    @Test
    void aGetSignedWithTheWrongKeyIsRefused() {
        assertRejected(rig.http().get(rig.url("/users/bob"), rig.reader().rotated().signingKey(),
                SignatureScheme.RFC9421), 401, "signature_invalid");
    }

    @Test
    void theInstanceActorIsReadableUnsigned() {
        JsonObject actor = Responses.assertActivityJson(rig.http().getUnsigned(rig.url("/actor")));
        assertEquals(rig.url("/actor").toString(), actor.getString("id"));
        assertEquals("Application", actor.getString("type"));
        assertEquals(rig.url("/actor").toString(), actor.getJsonObject("publicKey").getString("owner"));
    }

    @Test
    void webFingerIsReadableUnsigned() {
        HttpResponse<String> response = rig.http().getUnsigned(URI.create(rig.url("/.well-known/webfinger")
                + "?resource=acct:bob@" + rig.node().authority()));
        assertStatus(response, 200);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/jrd+json"),
                () -> Responses.describe(response));
        JsonObject jrd = JsonBodies.parse(response.body());
        assertEquals("acct:bob@" + rig.node().authority(), jrd.getString("subject"));
        assertTrue(jrd.getJsonArray("links").getValuesAs(JsonObject.class).stream()
                .anyMatch(link -> "self".equals(link.getString("rel", null))
                        && rig.employee("bob").toString().equals(link.getString("href", null))
                        && SignedHttp.ACTIVITY_JSON.equals(link.getString("type", null))), jrd::toString);
    }

    @Test
    void nodeInfoIsReadableUnsigned() {
        HttpResponse<String> links = rig.http().getUnsigned(rig.url("/.well-known/nodeinfo"));
        assertStatus(links, 200);
        List<String> hrefs = JsonBodies.parse(links.body()).getJsonArray("links").getValuesAs(JsonObject.class)
                .stream().map(link -> link.getString("href")).toList();
        assertEquals(List.of(rig.url("/nodeinfo/2.1").toString()), hrefs);

        HttpResponse<String> nodeInfo = rig.http().getUnsigned(rig.url("/nodeinfo/2.1"));
        assertStatus(nodeInfo, 200);
        JsonObject document = JsonBodies.parse(nodeInfo.body());
        assertEquals("2.1", document.getString("version"));
        assertEquals("tributary", document.getJsonObject("software").getString("name"));
        assertEquals(List.of("activitypub"), document.getJsonArray("protocols").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
    }

    @Test
    void ourJsonLdContextIsReadableUnsignedAndIsTheOnePublishedInTheSpec() throws IOException {
        HttpResponse<String> response = rig.http().getUnsigned(rig.url("/ns/tributary"));
        assertStatus(response, 200);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        try (Reader file = Files.newBufferedReader(Path.of("context", "tributary.jsonld"));
                JsonReader reader = Json.createReader(file)) {
            assertEquals(reader.readObject(), JsonBodies.parse(response.body()));
        }
    }
}
