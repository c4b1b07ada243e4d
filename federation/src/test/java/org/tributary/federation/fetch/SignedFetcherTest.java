package org.tributary.federation.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;
import org.tributary.federation.delivery.DoubleKnockSender;
import org.tributary.federation.delivery.SignatureSchemeMemory;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.signature.VerificationResult;
import org.tributary.federation.testing.InMemoryLocalKeys;
import org.tributary.federation.testing.MutableClock;
import org.tributary.federation.testing.TestActor;
import org.tributary.federation.testing.TestPeerServer;
import org.tributary.federation.testing.TestPeerServer.Response;

/** Signed fetches against real loopback servers that verify the signature of every GET. */
class SignedFetcherTest {

    private static TestActor instance;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T09:07:03Z"));
    private final HttpSignatures signatures = new HttpSignatures(clock, Duration.ofHours(1), Duration.ofMinutes(5));
    private final TestPeerServer peer = TestPeerServer.start(signatures);
    private final TestPeerServer sibling = TestPeerServer.start(signatures);
    private final TestPeerServer stranger = TestPeerServer.start(signatures);
    private final SignatureSchemeMemory schemes = new SignatureSchemeMemory();
    private final SignedFetcher fetcher = new SignedFetcher(
            new DoubleKnockSender(HttpClient.newHttpClient(), signatures, schemes, Duration.ofSeconds(5)),
            new InMemoryLocalKeys().add(instance.signingKey()),
            Set.of(peer.authority(), sibling.authority())::contains,
            new FetchLimits(1024, 3));

    @BeforeAll
    static void instanceActor() {
        instance = TestActor.rsa("http://here.test/actor");
    }

    SignedFetcherTest() {
        for (TestPeerServer server : List.of(peer, sibling, stranger)) {
            server.trust(instance.keyId(), instance.keys().getPublic());
        }
    }

    @AfterEach
    void stopServers() {
        peer.close();
        sibling.close();
        stranger.close();
    }

    private String actorJson(URI id) {
        return "{\"id\":\"" + id + "\",\"type\":\"Person\",\"inbox\":\"" + id + "/inbox\"}";
    }

    private FederationError failure(FetchResult result) {
        return assertInstanceOf(FetchResult.Failed.class, result).error();
    }

    @Test
    void fetchesASignedDocumentWithoutItsFragment() {
        URI bob = peer.url("/users/bob");
        peer.serveJson("/users/bob", actorJson(bob));

        FetchResult result = fetcher.fetch(URI.create(bob + "#main-key"), instance.keyId());

        FetchResult.Fetched fetched = assertInstanceOf(FetchResult.Fetched.class, result);
        assertEquals(bob.toString(), fetched.document().getString("id"));
        assertArrayEquals(actorJson(bob).getBytes(StandardCharsets.UTF_8), fetched.raw());
        TestPeerServer.Received request = peer.received().get(0);
        assertEquals("GET", request.method());
        assertEquals(bob, request.target());
        assertTrue(request.verification().verified(), request.verification().toString());
        assertEquals(Optional.of(SignedFetcher.ACCEPT), request.headers().first("accept"));
    }

    @Test
    void refusesADocumentWhoseIdIsNotTheUrl() {
        peer.serveJson("/users/bob", actorJson(peer.url("/users/alice")));
        assertEquals(FederationError.ORIGIN_MISMATCH, failure(fetcher.fetch(peer.url("/users/bob"), instance.keyId())));
    }

    @Test
    void makesNoRequestToAPeerThatIsNotAllowed() {
        stranger.serveJson("/users/eve", actorJson(stranger.url("/users/eve")));
        assertEquals(FederationError.PEER_NOT_ALLOWED, failure(fetcher.fetch(stranger.url("/users/eve"), instance.keyId())));
        assertEquals(FederationError.PEER_NOT_ALLOWED,
                failure(fetcher.fetch(URI.create("ftp://" + peer.authority() + "/x"), instance.keyId())));
        assertTrue(stranger.received().isEmpty());
    }

    @Test
    void followsASameOriginRedirect() {
        URI bob = peer.url("/users/bob");
        peer.serve("/@bob", Response.redirect(301, "/users/bob")).serveJson("/users/bob", actorJson(bob));

        FetchResult.Fetched fetched = assertInstanceOf(FetchResult.Fetched.class,
                fetcher.fetch(peer.url("/@bob"), instance.keyId()));
        assertEquals(bob.toString(), fetched.document().getString("id"));
        assertEquals(2, peer.received().size());
    }

    @Test
    void refusesARedirectToAPeerThatIsNotAllowed() {
        peer.serve("/users/bob", Response.redirect(302, stranger.url("/users/bob").toString()));
        stranger.serveJson("/users/bob", actorJson(peer.url("/users/bob")));

        assertEquals(FederationError.PEER_NOT_ALLOWED, failure(fetcher.fetch(peer.url("/users/bob"), instance.keyId())));
        assertTrue(stranger.received().isEmpty());
    }

    @Test
    void refusesARedirectToAnotherAllowedOrigin() {
        peer.serve("/users/bob", Response.redirect(307, sibling.url("/users/bob").toString()));
        assertEquals(FederationError.ORIGIN_MISMATCH, failure(fetcher.fetch(peer.url("/users/bob"), instance.keyId())));
        assertTrue(sibling.received().isEmpty());
    }

    @Test
    void givesUpAfterThreeRedirects() {
        peer.serve("/loop", Response.redirect(302, "/loop"));
        assertEquals(FederationError.FETCH_FAILED, failure(fetcher.fetch(peer.url("/loop"), instance.keyId())));
        assertEquals(4, peer.received().size());
    }

    @Test
    void refusesAnOversizedBody() {
        String big = "{\"id\":\"" + peer.url("/big") + "\",\"summary\":\"" + "x".repeat(2000) + "\"}";
        peer.serveJson("/big", big);
        assertEquals(FederationError.BODY_TOO_LARGE, failure(fetcher.fetch(peer.url("/big"), instance.keyId())));
    }

    @Test
    void refusesAnOversizedBodySentWithoutLength() {
        String big = "{\"id\":\"" + peer.url("/big") + "\",\"summary\":\"" + "x".repeat(200_000) + "\"}";
        peer.serve("/big", new Response(200, Map.of("Content-Type", "application/activity+json"),
                big.getBytes(StandardCharsets.UTF_8), true));
        assertEquals(FederationError.BODY_TOO_LARGE, failure(fetcher.fetch(peer.url("/big"), instance.keyId())));
    }

    @Test
    void refusesADocumentThatIsNotActivityStreams() {
        peer.serve("/page", new Response(200, Map.of("Content-Type", "text/html"),
                actorJson(peer.url("/page")).getBytes(StandardCharsets.UTF_8)));
        assertEquals(FederationError.UNSUPPORTED_CONTENT_TYPE, failure(fetcher.fetch(peer.url("/page"), instance.keyId())));
    }

    @Test
    void reportsAnErrorStatusAsAFailedFetch() {
        assertEquals(FederationError.FETCH_FAILED, failure(fetcher.fetch(peer.url("/missing"), instance.keyId())));
    }

    @Test
    void fallsBackToCavageWhenThePeerRefusesRfc9421() {
        URI bob = peer.url("/users/bob");
        peer.refuse(SignatureScheme.RFC9421).serveJson("/users/bob", actorJson(bob));

        assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(bob, instance.keyId()));
        assertEquals(List.of(Optional.of(SignatureScheme.RFC9421), Optional.of(SignatureScheme.CAVAGE)),
                peer.received().stream().map(TestPeerServer.Received::scheme).toList());
        assertEquals(Optional.of(SignatureScheme.CAVAGE), schemes.rememberedFor(peer.authority()));
    }

    @Test
    void signsRfc9421WithTheEd25519KeyAndCavageWithTheRsaKey() {
        TestActor ed25519 = instance.ed25519();
        SignedFetcher withBothKeys = new SignedFetcher(
                new DoubleKnockSender(HttpClient.newHttpClient(), signatures, schemes, Duration.ofSeconds(5)),
                new InMemoryLocalKeys().add(instance.signingKey(), ed25519.signingKey()),
                Set.of(peer.authority(), sibling.authority())::contains, new FetchLimits(1024, 3));
        URI bob = peer.url("/users/bob");
        peer.trust(ed25519.keyId(), ed25519.keys().getPublic()).serveJson("/users/bob", actorJson(bob));
        URI carol = sibling.url("/users/carol");
        sibling.serveJson("/users/carol", actorJson(carol)); // knows only the RSA key

        assertInstanceOf(FetchResult.Fetched.class, withBothKeys.fetch(bob, instance.keyId()));
        assertInstanceOf(FetchResult.Fetched.class, withBothKeys.fetch(carol, instance.keyId()));

        assertEquals(List.of(new VerificationResult.Verified(SignatureScheme.RFC9421, ed25519.keyId())),
                peer.received().stream().map(TestPeerServer.Received::verification).toList());
        assertEquals(List.of(401, 200), sibling.received().stream().map(TestPeerServer.Received::answeredWith).toList());
        assertEquals(new VerificationResult.Verified(SignatureScheme.CAVAGE, instance.keyId()),
                sibling.received().get(1).verification());
    }
}
