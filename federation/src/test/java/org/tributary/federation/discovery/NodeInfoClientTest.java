package org.tributary.federation.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;

class NodeInfoClientTest {

    private final NodeInfoCodec codec = new NodeInfoCodec();
    private LoopbackPeer peer;
    private HttpClient http;
    private NodeInfoClient client;

    @BeforeEach
    void start() throws IOException {
        peer = new LoopbackPeer();
        http = HttpClient.newHttpClient();
        client = new NodeInfoClient(http, authority -> authority.equals(peer.authority()), "http",
                new FetchLimits(16 * 1024, Duration.ofMillis(1500)));
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private void serveWellKnown(String documentUrl) {
        peer.on("/.well-known/nodeinfo", exchange -> LoopbackPeer.respond(exchange, 200, "application/json",
                new String(codec.toBytes(codec.wellKnown(URI.create(documentUrl))), StandardCharsets.UTF_8)));
    }

    private void serveDocument(NodeInfoDocument document) {
        peer.on("/nodeinfo/2.1", exchange -> LoopbackPeer.respond(exchange, 200, NodeInfoCodec.MEDIA_TYPE,
                new String(codec.toBytes(codec.toJson(document)), StandardCharsets.UTF_8)));
    }

    private static NodeInfoDocument tributary() {
        return NodeInfoDocument.of(new NodeInfoDocument.Software("tributary", "0.1.0"),
                new NodeInfoDocument.Usage(12, 7, 9, 340),
                JsonProvider.provider().createObjectBuilder().add("department", "Sales").build());
    }

    @Test
    void fetchesTheLinkedDocumentFromTheSamePeer() throws DiscoveryException {
        serveWellKnown(peer.base() + "/nodeinfo/2.1");
        serveDocument(tributary());

        NodeInfoDocument fetched = client.fetch(peer.authority());

        assertEquals(tributary(), fetched);
        assertEquals(List.of("activitypub"), fetched.protocols());
        assertFalse(fetched.openRegistrations());
        assertEquals(List.of("/.well-known/nodeinfo", "/nodeinfo/2.1"),
                peer.requests().stream().map(e -> e.getRequestURI().getPath()).toList());
    }

    @Test
    void refusesALinkToAnotherHost() {
        serveWellKnown("http://other.example/nodeinfo/2.1");

        DiscoveryException thrown = assertThrows(DiscoveryException.class, () -> client.fetch(peer.authority()));

        assertEquals(FederationError.FETCH_FAILED, thrown.error());
        assertTrue(thrown.getMessage().contains("on another host"), thrown.getMessage());
        assertEquals(1, peer.requests().size(), "the foreign link is never followed");
    }

    @Test
    void requiresALinkToVersionTwoPointOne() {
        peer.on("/.well-known/nodeinfo", exchange -> LoopbackPeer.respond(exchange, 200, "application/json",
                "{\"links\":[{\"rel\":\"http://nodeinfo.diaspora.software/ns/schema/2.0\",\"href\":\""
                        + peer.base() + "/nodeinfo/2.0\"}]}"));

        assertEquals(FederationError.FETCH_FAILED,
                assertThrows(DiscoveryException.class, () -> client.fetch(peer.authority())).error());
    }

    @Test
    void makesNoRequestToAPeerThePolicyRefuses() {
        serveWellKnown(peer.base() + "/nodeinfo/2.1");
        NodeInfoClient refusing = new NodeInfoClient(http, authority -> false, "http");

        DiscoveryException thrown = assertThrows(DiscoveryException.class, () -> refusing.fetch(peer.authority()));

        assertEquals(FederationError.PEER_NOT_ALLOWED, thrown.error());
        assertTrue(peer.requests().isEmpty());
    }

    @Test
    void refusesAnOversizedDocument() {
        serveWellKnown(peer.base() + "/nodeinfo/2.1");
        peer.on("/nodeinfo/2.1", exchange -> LoopbackPeer.respondChunked(exchange, 1 << 20));

        DiscoveryException thrown = assertThrows(DiscoveryException.class, () -> client.fetch(peer.authority()));

        assertEquals(FederationError.FETCH_FAILED, thrown.error());
        assertTrue(thrown.getMessage().contains("too large"), thrown.getMessage());
    }

    @Test
    void givesUpOnAPeerThatDoesNotAnswerInTime() {
        peer.on("/.well-known/nodeinfo", exchange -> peer.stall());

        DiscoveryException thrown = assertThrows(DiscoveryException.class, () -> client.fetch(peer.authority()));

        assertEquals(FederationError.FETCH_FAILED, thrown.error());
        assertTrue(thrown.getMessage().contains("timed out"), thrown.getMessage());
    }

    @Test
    void refusesInvalidAuthorities() {
        for (String bad : List.of("", "user@host", "host/path", "host:99999", "ho st")) {
            assertEquals(FederationError.FETCH_FAILED,
                    assertThrows(DiscoveryException.class, () -> client.fetch(bad), bad).error());
        }
        assertTrue(peer.requests().isEmpty());
    }
}
