package org.tributary.federation.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;
import org.tributary.federation.spi.PeerPolicy;

class WebFingerClientTest {

    private LoopbackPeer peer;
    private HttpClient http;
    private WebFingerClient client;
    private WebFingerResource.Account alice;

    @BeforeEach
    void start() throws IOException {
        peer = new LoopbackPeer();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        PeerPolicy onlyThePeer = authority -> authority.equals(peer.authority());
        client = new WebFingerClient(http, onlyThePeer, "http",
                new FetchLimits(64 * 1024, Duration.ofMillis(1500)));
        alice = new WebFingerResource.Account("alice", peer.authority());
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private void answer(String jrd) {
        peer.on("/.well-known/webfinger", exchange ->
                LoopbackPeer.respond(exchange, 200, "application/jrd+json", jrd.replace('\'', '"')));
    }

    private FederationError failure() {
        return assertThrows(DiscoveryException.class, () -> client.resolveActor(alice)).error();
    }

    /** Fails with FETCH_FAILED for the reason named, not for some other one. */
    private void assertFetchFailed(String reason) {
        DiscoveryException thrown = assertThrows(DiscoveryException.class, () -> client.resolveActor(alice));
        assertEquals(FederationError.FETCH_FAILED, thrown.error());
        assertTrue(thrown.getMessage().contains(reason), thrown.getMessage());
    }

    @Test
    void resolvesAnAccountWithAPortToItsActor() throws DiscoveryException {
        answer("{'subject':'acct:alice@" + peer.authority() + "','aliases':['" + peer.base() + "/users/alice'],"
                + "'links':[{'rel':'http://webfinger.net/rel/profile-page','type':'text/html','href':'" + peer.base() + "/@alice'},"
                + "{'rel':'self','type':'application/activity+json','href':'" + peer.base() + "/users/alice'},"
                + "{'rel':'http://ostatus.org/schema/1.0/subscribe','template':'" + peer.base() + "/follow?uri={uri}'}]}");

        URI actor = client.resolveActor(alice);

        assertEquals(URI.create(peer.base() + "/users/alice"), actor);
        var request = peer.requests().get(0);
        assertEquals("application/jrd+json", request.getRequestHeaders().getFirst("Accept"));
        assertEquals("resource=acct:alice@" + peer.authority(), request.getRequestURI().getQuery());
        assertEquals("GET", request.getRequestMethod());
    }

    @Test
    void acceptsTheLdJsonProfileAsTheActorType() throws DiscoveryException {
        answer("{'subject':'acct:alice@" + peer.authority() + "','links':[{'rel':'self',"
                + "'type':'application/ld+json; profile=\\'https://www.w3.org/ns/activitystreams\\'',"
                + "'href':'" + peer.base() + "/users/alice'}]}");

        assertEquals(URI.create(peer.base() + "/users/alice"), client.resolveActor(alice));
    }

    @Test
    void refusesAnAnswerAboutSomeoneElse() {
        answer("{'subject':'acct:mallory@" + peer.authority() + "','links':[{'rel':'self',"
                + "'type':'application/activity+json','href':'" + peer.base() + "/users/mallory'}]}");

        assertFetchFailed("subject does not match");
    }

    @Test
    void refusesASelfLinkOnAnotherHost() {
        answer("{'subject':'acct:alice@" + peer.authority() + "','links':[{'rel':'self',"
                + "'type':'application/activity+json','href':'http://other.example/users/alice'}]}");

        assertFetchFailed("on another host");
    }

    @Test
    void refusesASelfLinkOnAnotherPortOfTheSameMachine() {
        answer("{'subject':'acct:alice@" + peer.authority() + "','links':[{'rel':'self',"
                + "'type':'application/activity+json','href':'http://127.0.0.1:1/users/alice'}]}");

        assertFetchFailed("on another host");
    }

    @Test
    void requiresAnActivityPubSelfLink() {
        answer("{'subject':'acct:alice@" + peer.authority() + "','links':[{'rel':'self',"
                + "'type':'text/html','href':'" + peer.base() + "/@alice'}]}");

        assertFetchFailed("no ActivityPub self link");
    }

    @Test
    void refusesAnAnswerThatAnnouncesAnOversizedLength() {
        peer.on("/.well-known/webfinger", exchange ->
                LoopbackPeer.respond(exchange, 200, "application/jrd+json", " ".repeat(70 * 1024) + "{}"));

        assertFetchFailed("too large");
    }

    @Test
    void refusesAnOversizedChunkedAnswer() {
        peer.on("/.well-known/webfinger", exchange -> LoopbackPeer.respondChunked(exchange, 1 << 20));

        DiscoveryException thrown = assertThrows(DiscoveryException.class, () -> client.resolveActor(alice));

        assertEquals(FederationError.FETCH_FAILED, thrown.error());
        assertTrue(thrown.getMessage().contains("too large"), thrown.getMessage());
    }

    @Test
    void makesNoRequestToAHostThePolicyRefuses() {
        answer("{'subject':'acct:alice@" + peer.authority() + "','links':[]}");
        WebFingerClient refusing = new WebFingerClient(http, authority -> false, "http");

        DiscoveryException thrown = assertThrows(DiscoveryException.class, () -> refusing.resolveActor(alice));

        assertEquals(FederationError.PEER_NOT_ALLOWED, thrown.error());
        assertTrue(peer.requests().isEmpty(), "no request may reach a refused host");
    }

    @Test
    void givesUpOnAPeerThatDoesNotAnswerInTime() {
        peer.on("/.well-known/webfinger", exchange -> peer.stall());
        long started = System.nanoTime();

        DiscoveryException thrown = assertThrows(DiscoveryException.class, () -> client.resolveActor(alice));

        assertEquals(FederationError.FETCH_FAILED, thrown.error());
        assertTrue(thrown.getMessage().contains("timed out"), thrown.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void givesUpOnAPeerThatTricklesItsBody() {
        peer.on("/.well-known/webfinger", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write('{');
            exchange.getResponseBody().flush();
            peer.stall();
        });

        assertFetchFailed("timed out");
    }

    @Test
    void treatsAnErrorStatusAsAFetchFailure() {
        peer.on("/.well-known/webfinger", exchange -> LoopbackPeer.respond(exchange, 404, "text/plain", "no"));

        assertFetchFailed("status 404");
    }

    @Test
    void treatsAnUnreadableDocumentAsAFetchFailure() {
        peer.on("/.well-known/webfinger", exchange ->
                LoopbackPeer.respond(exchange, 200, "application/jrd+json", "{\"subject\": [1,2"));

        assertFetchFailed("unreadable");
    }

    @Test
    void refusesAnswersRedirectedToAnotherHost() throws IOException {
        try (LoopbackPeer elsewhere = new LoopbackPeer()) {
            elsewhere.on("/", exchange -> LoopbackPeer.respond(exchange, 200, "application/jrd+json",
                    "{\"subject\":\"acct:alice@" + peer.authority() + "\",\"links\":[{\"rel\":\"self\","
                            + "\"type\":\"application/activity+json\",\"href\":\"" + peer.base() + "/users/alice\"}]}"));
            peer.on("/.well-known/webfinger", exchange -> {
                exchange.getResponseHeaders().set("Location", elsewhere.base() + "/jrd");
                exchange.sendResponseHeaders(302, -1);
            });
            HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
            WebFingerClient naive = new WebFingerClient(following,
                    authority -> true, "http", new FetchLimits(64 * 1024, Duration.ofSeconds(2)));

            DiscoveryException thrown = assertThrows(DiscoveryException.class, () -> naive.resolveActor(alice));

            assertEquals(FederationError.FETCH_FAILED, thrown.error());
            assertTrue(thrown.getMessage().contains("came from another host"), thrown.getMessage());
        }
    }
}
