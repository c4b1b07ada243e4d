package org.tributary.node.outbound;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.node.keys.KeyPems;
import org.tributary.federation.vocab.Actor;
import org.tributary.federation.vocab.Multikey;
import org.tributary.federation.vocab.PublicKeyPem;
import org.tributary.node.account.Account;
import org.tributary.node.account.Profile;
import org.tributary.node.config.LocalUris;
import org.tributary.node.keys.ActorKey;

/**
 * Builds the actor document of a local account: the RSA key as SPKI PEM in {@code publicKey} (what
 * every fediverse server reads) and every key as a Multikey in {@code assertionMethod} (FEP-521a).
 */
public final class ActorDocuments {
    private final LocalUris uris;

    public ActorDocuments(LocalUris uris) {
        this.uris = uris;
    }

    public Actor actorOf(Account account, List<ActorKey> keys) {
        return actorOf(account, keys, Profile.EMPTY);
    }

    /**
     * The actor with its profile: the picture as an {@code icon} Image, title and location as Mastodon's
     * {@code PropertyValue} attachments (which Mastodon shows as profile fields), and the department as
     * our own {@code department} term.
     */
    public Actor actorOf(Account account, List<ActorKey> keys, Profile profile) {
        boolean instance = account.username().equals(LocalUris.INSTANCE_ACTOR_USERNAME);
        PublicKeyPem rsa = keys.stream().filter(key -> key.algorithm() == KeyAlgorithm.RSA).findFirst()
                .map(key -> new PublicKeyPem(key.keyId(), account.uri(), key.publicPem()))
                .orElseThrow(() -> new IllegalStateException("local account without RSA key: " + account.username()));
        List<Multikey> multikeys = new ArrayList<>();
        for (ActorKey key : keys) {
            multikeys.add(new Multikey(key.keyId(), account.uri(),
                    KeyPems.multikey(key.publicPem())));
        }
        return new Actor(account.uri(), instance ? "Application" : "Person",
                instance ? account.uri().getHost() : account.username(), account.displayName(), account.summary(),
                instance ? uris.inbox(account.username()) : account.inbox(),
                instance ? null : uris.outbox(account.username()),
                instance ? null : uris.followers(account.username()),
                instance ? null : uris.following(account.username()),
                uris.sharedInbox(), rsa, multikeys, account.locked(), instance ? JsonValue.EMPTY_JSON_OBJECT
                        : ProfileProperties.toJson(profile));
    }
}
