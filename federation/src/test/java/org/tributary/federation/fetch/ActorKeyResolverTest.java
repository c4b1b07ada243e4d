package org.tributary.federation.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.net.http.HttpClient;
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
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.spi.KeyLookup;
import org.tributary.federation.testing.InMemoryKeyCache;
import org.tributary.federation.testing.InMemoryLocalKeys;
import org.tributary.federation.testing.MutableClock;
import org.tributary.federation.testing.TestActor;
import org.tributary.federation.testing.TestPeerServer;

/** Resolving key ids by fetching actor and key documents from a real loopback peer. */
class ActorKeyResolverTest {

    private static TestActor instance;
    private static KeyPair bobKeys;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T09:07:03Z"));
    private final HttpSignatures signatures = new HttpSignatures(clock, Duration.ofHours(1), Duration.ofMinutes(5));
    private final TestPeerServer peer = TestPeerServer.start(signatures);
    private final InMemoryKeyCache cache = new InMemoryKeyCache();
    private final ActorKeyResolver resolver = new ActorKeyResolver(new SignedFetcher(
            new DoubleKnockSender(HttpClient.newHttpClient(), signatures, new SignatureSchemeMemory(), Duration.ofSeconds(5)),
            new InMemoryLocalKeys().add(instance.signingKey()), Set.of(peer.authority())::contains,
            FetchLimits.defaults()), instance.keyId(), cache);
    private final URI bob = peer.url("/users/bob");
    private final URI bobKey = URI.create(bob + "#main-key");

    @BeforeAll
    static void keys() {
        instance = TestActor.rsa("http://here.test/actor");
        bobKeys = TestActor.rsa("http://unused.test/x").keys();
    }

    ActorKeyResolverTest() {
        peer.trust(instance.keyId(), instance.keys().getPublic());
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private static String json(String text) {
        return text.replace("'", "\"");
    }

    private String publicKeyEntry(URI keyId, URI owner) {
        return json("{'id':'%s','owner':'%s','publicKeyPem':'%s'}").formatted(keyId, owner,
                KeyCodec.encodePublicKeyPem(bobKeys.getPublic()).replace("\n", "\\n"));
    }

    private void serveBob(String publicKey) {
        peer.serveJson("/users/bob", json("{'id':'%s','type':'Person','publicKey':%s}").formatted(bob, publicKey));
    }

    private FederationError notFound(KeyLookup lookup) {
        return assertInstanceOf(KeyLookup.NotFound.class, lookup).error();
    }

    @Test
    void findsTheKeyInTheActorDocumentAndCachesIt() {
        serveBob(publicKeyEntry(bobKey, bob));

        KeyLookup.Found found = assertInstanceOf(KeyLookup.Found.class, resolver.resolve(bobKey));
        assertEquals(bob, found.key().owner());
        assertEquals(bobKey, found.key().keyId());
        assertEquals(bobKeys.getPublic(), found.key().key());
        assertEquals(false, found.cached());

        KeyLookup.Found again = assertInstanceOf(KeyLookup.Found.class, resolver.resolve(bobKey));
        assertEquals(true, again.cached());
        assertEquals(1, peer.received().size(), "the second lookup is answered from the cache");
    }

    @Test
    void refreshAlwaysFetchesAndReplacesTheCachedKey() {
        serveBob(publicKeyEntry(bobKey, bob));
        resolver.resolve(bobKey);
        assertInstanceOf(KeyLookup.Found.class, resolver.refresh(bobKey));
        assertEquals(2, peer.received().size());
        assertEquals(bobKeys.getPublic(), cache.get(bobKey).orElseThrow().key());
    }

    @Test
    void picksTheEntryWhoseIdIsTheKeyId() {
        URI other = URI.create(bob + "#other-key");
        serveBob("[" + publicKeyEntry(other, bob) + "]");
        assertEquals(FederationError.KEY_UNAVAILABLE, notFound(resolver.resolve(bobKey)));
    }

    @Test
    void refusesAnOwnerOnAnotherOrigin() {
        serveBob(publicKeyEntry(bobKey, URI.create("http://elsewhere.test/users/bob")));
        assertEquals(FederationError.ORIGIN_MISMATCH, notFound(resolver.resolve(bobKey)));
    }

    @Test
    void acceptsAMultikeyInAssertionMethod() throws Exception {
        KeyPair ed = KeyCodec.generate(KeyAlgorithm.ED25519);
        URI edKey = URI.create(bob + "#ed25519-key");
        peer.serveJson("/users/bob", json("{'id':'%s','type':'Person','assertionMethod':[{'id':'%s','type':'Multikey',"
                + "'controller':'%s','publicKeyMultibase':'%s'}]}").formatted(bob, edKey, bob, KeyCodec.encodeMultikey(ed.getPublic())));

        KeyLookup.Found found = assertInstanceOf(KeyLookup.Found.class, resolver.resolve(edKey));
        assertEquals(bob, found.key().owner());
        assertEquals(ed.getPublic(), found.key().key());
    }

    @Test
    void aSeparateKeyDocumentNeedsItsOwnerToListTheKey() {
        URI keyDoc = peer.url("/users/bob/main-key");
        peer.serveJson("/users/bob/main-key", publicKeyEntry(keyDoc, bob));
        serveBob(publicKeyEntry(keyDoc, bob));
        assertEquals(bob, assertInstanceOf(KeyLookup.Found.class, resolver.resolve(keyDoc)).key().owner());
    }

    @Test
    void aKeyDocumentClaimingAnOwnerWhoDoesNotListItIsRefused() {
        URI keyDoc = peer.url("/keys/planted");
        peer.serveJson("/keys/planted", publicKeyEntry(keyDoc, bob));
        serveBob(publicKeyEntry(bobKey, bob));
        assertEquals(FederationError.KEY_OWNER_MISMATCH, notFound(resolver.resolve(keyDoc)));
    }

    @Test
    void aFailedFetchIsNotFound() {
        assertEquals(FederationError.FETCH_FAILED, notFound(resolver.resolve(bobKey)));
        assertEquals(FederationError.PEER_NOT_ALLOWED,
                notFound(resolver.resolve(URI.create("http://elsewhere.test/users/x#main-key"))));
    }
}
