package org.tributary.federation.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;
import org.tributary.federation.delivery.DoubleKnockSender;
import org.tributary.federation.delivery.SignatureSchemeMemory;
import org.tributary.federation.fetch.ActorKeyResolver;
import org.tributary.federation.fetch.FetchLimits;
import org.tributary.federation.fetch.SignedFetcher;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.signature.SigningKey;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.federation.spi.ResolvedKey;
import org.tributary.federation.testing.InMemoryInboxStore;
import org.tributary.federation.testing.InMemoryKeyCache;
import org.tributary.federation.testing.InMemoryLocalKeys;
import org.tributary.federation.testing.MutableClock;
import org.tributary.federation.testing.RecordingEventListener;
import org.tributary.federation.testing.TestActor;
import org.tributary.federation.testing.TestPeerServer;

/** The inbox resolving keys the way a node does: fetched from the peer, cached, refetched once on rotation. */
class InboxPipelineWithFetchedKeysTest {

    private static TestActor instance;
    private static KeyPair oldKeys;
    private static KeyPair newKeys;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T09:07:03Z"));
    private final HttpSignatures signatures = new HttpSignatures(clock, Duration.ofHours(1), Duration.ofMinutes(5));
    private final TestPeerServer peer = TestPeerServer.start(signatures);
    private final PeerPolicy peers = Set.of(peer.authority())::contains;
    private final InMemoryKeyCache cache = new InMemoryKeyCache();
    private final InMemoryInboxStore store = new InMemoryInboxStore();
    private final InboxPipeline pipeline = new InboxPipeline(InboxLimits.defaults(), peers, signatures,
            new ActorKeyResolver(new SignedFetcher(
                    new DoubleKnockSender(HttpClient.newHttpClient(), signatures, new SignatureSchemeMemory(), Duration.ofSeconds(5)),
                    new InMemoryLocalKeys().add(instance.signingKey()), peers, FetchLimits.defaults()), instance.keyId(), cache),
            store, new RecordingEventListener(), clock);
    private final URI ann = peer.url("/users/ann");
    private final URI annKey = URI.create(ann + "#main-key");

    @BeforeAll
    static void keys() {
        instance = TestActor.rsa("http://here.test/actor");
        oldKeys = KeyCodec.generate(KeyAlgorithm.RSA);
        newKeys = KeyCodec.generate(KeyAlgorithm.RSA);
    }

    InboxPipelineWithFetchedKeysTest() {
        peer.trust(instance.keyId(), instance.keys().getPublic());
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private void publishAnnsKey(KeyPair keys) {
        String pem = KeyCodec.encodePublicKeyPem(keys.getPublic()).replace("\n", "\\n");
        peer.serveJson("/users/ann", ("{'id':'%s','type':'Person','inbox':'%s/inbox',"
                + "'publicKey':{'id':'%s','owner':'%s','publicKeyPem':'%s'}}").replace("'", "\"")
                .formatted(ann, ann, annKey, ann, pem));
    }

    private InboxRequest signedFollow(KeyPair keys, int n) {
        String body = "{\"id\":\"%s/follows/%d\",\"type\":\"Follow\",\"actor\":\"%s\",\"object\":\"https://here.test/users/zoe\"}"
                .formatted(ann, n, ann);
        HttpRequestParts post = new HttpRequestParts("POST", URI.create("https://here.test/inbox"),
                HeaderMap.empty().with("Content-Type", "application/activity+json"), body.getBytes(StandardCharsets.UTF_8));
        return InboxRequest.of(signatures.sign(post, new SigningKey(annKey, keys.getPrivate(), KeyAlgorithm.RSA),
                SignatureScheme.CAVAGE));
    }

    private long actorFetches() {
        return peer.received().stream().filter(r -> r.target().getPath().equals("/users/ann")).count();
    }

    @Test
    void fetchesTheKeyOnceAndThenUsesTheCache() {
        publishAnnsKey(oldKeys);
        assertInstanceOf(InboxOutcome.Accepted.class, pipeline.accept(signedFollow(oldKeys, 1)));
        assertInstanceOf(InboxOutcome.Accepted.class, pipeline.accept(signedFollow(oldKeys, 2)));
        assertEquals(1, actorFetches());
        assertEquals(2, store.all().size());
    }

    @Test
    void refetchesOnceAfterThePeerRotatedItsKey() {
        cache.put(new ResolvedKey(annKey, ann, oldKeys.getPublic()));
        publishAnnsKey(newKeys);

        assertInstanceOf(InboxOutcome.Accepted.class, pipeline.accept(signedFollow(newKeys, 3)));
        assertEquals(1, actorFetches());
        assertEquals(newKeys.getPublic(), cache.get(annKey).orElseThrow().key());
    }

    @Test
    void aSignatureThatFailsAgainstTheFreshKeyIsRejectedAfterOneRefetch() {
        cache.put(new ResolvedKey(annKey, ann, oldKeys.getPublic()));
        publishAnnsKey(oldKeys);
        InboxOutcome outcome = pipeline.accept(signedFollow(newKeys, 4));
        assertEquals(FederationError.SIGNATURE_INVALID, assertInstanceOf(InboxOutcome.Rejected.class, outcome).error());
        assertEquals(1, actorFetches());
    }
}
