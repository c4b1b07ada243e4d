package org.tributary.node.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.spi.KeyLookup;
import org.tributary.federation.spi.ResolvedKey;
import org.tributary.federation.vocab.Actor;
import org.tributary.federation.vocab.Multikey;
import org.tributary.federation.vocab.PublicKeyPem;
import org.tributary.node.account.Account;
import org.tributary.node.testing.TestServices;

/**
 * A peer's Ed25519 key is found by its id among the Multikeys of the actor's {@code assertionMethod}, with
 * the actor as its owner; a Multikey that names another actor as its controller never counts as the actor's.
 */
class PeerKeyResolverTest {
    private static TestServices node;
    private static PeerKeyResolver resolver;

    @BeforeAll
    static void createNode() {
        node = new TestServices(Clock.fixed(Instant.parse("2026-03-05T09:15:00Z"), ZoneOffset.UTC));
        resolver = new PeerKeyResolver(node.database, node.keyStore, node.remoteAccounts);
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    /** The remote account's actor document as it would send it in an Update, with these Multikeys. */
    private static void publish(Account account, KeyPair rsa, List<Multikey> multikeys) throws Exception {
        Actor actor = new Actor(account.uri(), "Person", account.username(), account.username(), "", account.inbox(),
                null, account.followers(), null, account.sharedInbox(),
                new PublicKeyPem(URI.create(account.uri() + "#main-key"), account.uri(),
                        KeyCodec.encodePublicKeyPem(rsa.getPublic())),
                multikeys, false, null);
        node.remoteAccounts.applyUpdate(actor).orElseThrow();
    }

    @Test
    void findsTheEd25519MultikeyByItsIdWithTheActorAsOwner() throws Exception {
        Account bob = node.remote("bob", "sales.example");
        KeyPair ed25519 = KeyCodec.generate(KeyAlgorithm.ED25519);
        URI keyId = URI.create(bob.uri() + "#ed25519-key");
        publish(bob, KeyCodec.generate(KeyAlgorithm.RSA),
                List.of(new Multikey(keyId, bob.uri(), KeyCodec.encodeMultikey(ed25519.getPublic()))));

        ResolvedKey key = assertInstanceOf(KeyLookup.Found.class, resolver.resolve(keyId)).key();

        assertEquals(keyId, key.keyId());
        assertEquals(bob.uri(), key.owner());
        assertEquals(ed25519.getPublic(), key.key());
    }

    @Test
    void aMultikeyControlledBySomeoneElseIsNotTheActorsKey() throws Exception {
        Account carol = node.remote("carol", "sales.example");
        URI keyId = URI.create(carol.uri() + "#ed25519-key");
        URI someoneElse = URI.create("https://sales.example/users/mallory");
        publish(carol, KeyCodec.generate(KeyAlgorithm.RSA), List.of(new Multikey(keyId, someoneElse,
                KeyCodec.encodeMultikey(KeyCodec.generate(KeyAlgorithm.ED25519).getPublic()))));

        // Not stored, so the resolver fetches the actor again; sales.example is not an allowed peer here.
        KeyLookup.NotFound lookup = assertInstanceOf(KeyLookup.NotFound.class, resolver.resolve(keyId));
        assertEquals(FederationError.KEY_UNAVAILABLE, lookup.error());
        assertEquals(List.of(KeyAlgorithm.RSA), node.database.inTransaction(connection ->
                node.keyStore.ofAccount(connection, carol.id())).stream().map(ActorKey::algorithm).toList());
    }
}
