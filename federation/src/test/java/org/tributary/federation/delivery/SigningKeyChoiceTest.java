package org.tributary.federation.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.signature.VerificationResult;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.federation.spi.FederationEvent.DeliveryAttempted;
import org.tributary.federation.spi.FederationEvent.DeliveryDisposition;
import org.tributary.federation.spi.LocalKeys;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.federation.testing.InMemoryDeliveryQueue;
import org.tributary.federation.testing.InMemoryLocalKeys;
import org.tributary.federation.testing.MutableClock;
import org.tributary.federation.testing.RecordingEventListener;
import org.tributary.federation.testing.TestActor;
import org.tributary.federation.testing.TestPeerServer;

/**
 * Which key signs a delivery: RFC 9421 with the author's Ed25519 key, draft-cavage with her RSA
 * {@code #main-key}; and a peer that only knows the RSA key (as Mastodon and Fedify read keys from
 * {@code publicKey}) refuses the Ed25519 signature and gets draft-cavage RSA instead, remembered. The peers
 * are real loopback servers that verify every signature with the keys they were given.
 */
class SigningKeyChoiceTest {

    private static final Instant NOW = Instant.parse("2026-03-05T09:07:03Z");
    private static final URI ACTIVITY = URI.create("http://here.test/users/ann/statuses/1/activity");
    private static final byte[] BODY = ("{\"id\":\"" + ACTIVITY + "\",\"type\":\"Create\"}")
            .getBytes(StandardCharsets.UTF_8);
    private static TestActor annRsa;
    private static TestActor annEd25519;

    private final MutableClock clock = new MutableClock(NOW);
    private final HttpSignatures signatures = new HttpSignatures(clock, Duration.ofHours(1), Duration.ofMinutes(5));
    /** Reads both of ann's keys, like another Tributary node. */
    private final TestPeerServer tributary = TestPeerServer.start(signatures);
    /** Knows only ann's RSA key, like a server that reads {@code publicKey} and nothing else. */
    private final TestPeerServer rsaOnly = TestPeerServer.start(signatures);
    private final PeerPolicy peers = Set.of(tributary.authority(), rsaOnly.authority())::contains;
    private final InMemoryDeliveryQueue queue = new InMemoryDeliveryQueue();
    private final RecordingEventListener events = new RecordingEventListener();
    private final SignatureSchemeMemory schemes = new SignatureSchemeMemory();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void localActor() {
        annRsa = TestActor.rsa("http://here.test/users/ann");
        annEd25519 = annRsa.ed25519();
    }

    SigningKeyChoiceTest() {
        tributary.trust(annRsa.keyId(), annRsa.keys().getPublic());
        tributary.trust(annEd25519.keyId(), annEd25519.keys().getPublic());
        rsaOnly.trust(annRsa.keyId(), annRsa.keys().getPublic());
    }

    @AfterEach
    void stopServers() {
        tributary.close();
        rsaOnly.close();
    }

    private JobDelivery delivery(LocalKeys keys) {
        return new JobDelivery(queue, keys, peers,
                new DoubleKnockSender(client, signatures, schemes, Duration.ofSeconds(5)),
                BackoffSchedule.mastodonLike(new Random(1)), new PeerCircuitBreaker(100, Duration.ofSeconds(60), clock),
                events, clock);
    }

    private JobDelivery deliveryWithBothKeys() {
        return delivery(new InMemoryLocalKeys().add(annRsa.signingKey(), annEd25519.signingKey()));
    }

    /** Queues one job signed for ann's main key, as the node does, and delivers it. */
    private void deliverTo(JobDelivery delivery, URI inbox) {
        queue.enqueue(List.of(DeliveryJob.unsaved(ACTIVITY, inbox, BODY, annRsa.keyId(), clock.instant())));
        queue.claimDue(clock.instant(), 10).forEach(delivery::deliver);
    }

    private static URI verifiedKey(TestPeerServer.Received request) {
        assertTrue(request.verification().verified(), request.verification().toString());
        return ((VerificationResult.Verified) request.verification()).keyId();
    }

    @Test
    void rfc9421IsSignedWithTheEd25519Key() {
        deliverTo(deliveryWithBothKeys(), tributary.url("/inbox"));

        assertEquals(1, tributary.received().size());
        TestPeerServer.Received request = tributary.received().get(0);
        assertEquals(Optional.of(SignatureScheme.RFC9421), request.scheme());
        assertEquals(annEd25519.keyId(), verifiedKey(request));
        String input = request.headers().first("signature-input").orElseThrow();
        assertTrue(input.contains("keyid=\"" + annEd25519.keyId() + "\""), input);
        assertTrue(input.contains("alg=\"ed25519\""), input);
        assertEquals(Optional.of(SignatureScheme.RFC9421), schemes.rememberedFor(tributary.authority()));
        DeliveryAttempted delivered = events.eventsOf(DeliveryAttempted.class).get(0);
        assertEquals(DeliveryDisposition.DELIVERED, delivered.disposition());
        assertEquals(Optional.of(annEd25519.keyId()), delivered.keyId());
    }

    @Test
    void aPeerThatRefusesTheEd25519SignatureGetsCavageWithTheRsaKeyAndKeepsGettingIt() {
        JobDelivery delivery = deliveryWithBothKeys();

        deliverTo(delivery, rsaOnly.url("/inbox"));

        List<TestPeerServer.Received> requests = rsaOnly.received();
        assertEquals(List.of(Optional.of(SignatureScheme.RFC9421), Optional.of(SignatureScheme.CAVAGE)),
                requests.stream().map(TestPeerServer.Received::scheme).toList());
        assertEquals(List.of(401, 202), requests.stream().map(TestPeerServer.Received::answeredWith).toList());
        assertTrue(requests.get(0).headers().first("signature-input").orElseThrow()
                .contains("keyid=\"" + annEd25519.keyId() + "\""));
        assertEquals(annRsa.keyId(), verifiedKey(requests.get(1)));
        String cavage = requests.get(1).headers().first("signature").orElseThrow();
        assertTrue(cavage.contains("algorithm=\"rsa-sha256\""), cavage);
        assertEquals(Optional.of(SignatureScheme.CAVAGE), schemes.rememberedFor(rsaOnly.authority()));
        assertEquals(1, queue.delivered().size());
        List<DeliveryAttempted> attempts = events.eventsOf(DeliveryAttempted.class);
        assertEquals(List.of(DeliveryDisposition.SCHEME_FALLBACK, DeliveryDisposition.DELIVERED),
                attempts.stream().map(DeliveryAttempted::disposition).toList());
        assertEquals(List.of(Optional.of(annEd25519.keyId()), Optional.of(annRsa.keyId())),
                attempts.stream().map(DeliveryAttempted::keyId).toList());

        deliverTo(delivery, rsaOnly.url("/inbox"));

        assertEquals(3, rsaOnly.received().size(), "the next delivery knocks once, with cavage");
        assertEquals(Optional.of(SignatureScheme.CAVAGE), rsaOnly.received().get(2).scheme());
        assertEquals(annRsa.keyId(), verifiedKey(rsaOnly.received().get(2)));
    }

    @Test
    void aPeerRememberedForCavageGetsTheRsaKeyAtOnce() {
        schemes.remember(tributary.authority(), SignatureScheme.CAVAGE);

        deliverTo(deliveryWithBothKeys(), tributary.url("/inbox"));

        assertEquals(1, tributary.received().size());
        assertEquals(Optional.of(SignatureScheme.CAVAGE), tributary.received().get(0).scheme());
        assertEquals(annRsa.keyId(), verifiedKey(tributary.received().get(0)));
    }

    @Test
    void anActorWithoutAnEd25519KeySignsRfc9421WithItsRsaKey() {
        deliverTo(delivery(new InMemoryLocalKeys().add(annRsa.signingKey())), tributary.url("/inbox"));

        TestPeerServer.Received request = tributary.received().get(0);
        assertEquals(Optional.of(SignatureScheme.RFC9421), request.scheme());
        assertEquals(annRsa.keyId(), verifiedKey(request));
        assertTrue(request.headers().first("signature-input").orElseThrow().contains("alg=\"rsa-v1_5-sha256\""));
    }
}
