package org.tributary.node.account;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.tributary.federation.FederationError;
import org.tributary.federation.discovery.DiscoveryException;
import org.tributary.federation.discovery.WebFingerClient;
import org.tributary.federation.discovery.WebFingerResource;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.signature.KeyFormatException;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.federation.vocab.Actor;
import org.tributary.federation.vocab.Multikey;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.federation.vocab.VocabException;
import org.tributary.node.audit.AuditedFetcher;
import org.tributary.node.config.LocalUris;
import org.tributary.node.http.ApiException;
import org.tributary.node.keys.ActorKey;
import org.tributary.node.keys.ActorKeyStore;
import org.tributary.node.store.Database;
import org.tributary.node.store.StoreException;
import org.tributary.node.store.IdGenerator;

/**
 * Knows colleagues on peer nodes: fetches their actor documents (signed, by our instance actor, only
 * from allowlisted peers) and keeps an account row and their public keys for each.
 */
public final class RemoteAccountService {
    /** Remote accounts kept in memory at most (a few hundred bytes each). */
    private static final int CACHED_ACCOUNTS = 4_096;

    private final Database database;
    private final AccountStore accounts;
    private final ActorKeyStore keys;
    private final AuditedFetcher fetcher;
    private final WebFingerClient webFinger;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;
    private final ProfileStore profiles;
    private final ActorProfileReader profileReader = new ActorProfileReader();
    private final AccountChanges changes;
    private final RemoteAccountCache cache = new RemoteAccountCache(CACHED_ACCOUNTS);

    public RemoteAccountService(Database database, AccountStore accounts, ActorKeyStore keys, AuditedFetcher fetcher,
            WebFingerClient webFinger, VocabCodec codec, LocalUris uris, IdGenerator ids, Clock clock,
            ProfileStore profiles, AccountChanges changes) {
        this.profiles = profiles;
        this.changes = changes;
        this.database = database;
        this.accounts = accounts;
        this.keys = keys;
        this.fetcher = fetcher;
        this.webFinger = webFinger;
        this.codec = codec;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    /** The account for an actor URI: as stored (kept in memory once read), or fetched when unknown. */
    public Account byUri(URI actorUri) {
        Optional<Account> cached = cache.get(actorUri);
        if (cached.isPresent()) {
            return cached.get();
        }
        long readAt = cache.generation();
        Optional<Account> known = database.inTransaction(connection -> accounts.findByUri(connection, actorUri));
        known.ifPresent(account -> cache.putIfCurrent(actorUri, account, readAt));
        return known.orElseGet(() -> refresh(actorUri));
    }

    /** Looks up {@code user@host:port} by WebFinger, then fetches the actor. */
    public Account byHandle(String acct) {
        String handle = acct.startsWith("@") ? acct.substring(1) : acct;
        int at = handle.indexOf('@');
        if (at <= 0 || at == handle.length() - 1) {
            throw ApiException.badRequest("invalid_handle", "expected user@host[:port]");
        }
        String username = handle.substring(0, at);
        String authority = handle.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
        if (authority.equals(uris.base().getAuthority())) {
            return database.inTransaction(connection -> accounts.findLocal(connection, username))
                    .orElseThrow(() -> ApiException.notFound("account"));
        }
        Optional<Account> known = database.inTransaction(connection -> accounts.findByHandle(connection, username,
                authority));
        return known.orElseGet(() -> refresh(resolveByWebFinger(username, authority)));
    }

    private URI resolveByWebFinger(String username, String authority) {
        try {
            return webFinger.resolveActor(new WebFingerResource.Account(username, authority));
        } catch (DiscoveryException e) {
            int status = e.error() == FederationError.PEER_NOT_ALLOWED ? 403 : 502;
            throw new ApiException(status, e.error().code(), e.getMessage());
        }
    }

    /** Fetches the actor document again and stores what it says, keys included. */
    public Account refresh(URI actorUri) {
        if (uris.isLocal(actorUri)) {
            throw ApiException.badRequest("local_actor", "not a remote actor: " + actorUri);
        }
        FetchResult result = fetcher.fetch(actorUri, uris.rsaKeyId(LocalUris.INSTANCE_ACTOR_USERNAME));
        if (!(result instanceof FetchResult.Fetched fetched)) {
            FetchResult.Failed failed = (FetchResult.Failed) result;
            throw new ApiException(502, failed.error().code(), "cannot fetch " + actorUri + ": " + failed.detail());
        }
        Actor actor;
        try {
            actor = codec.readActor(fetched.document());
        } catch (VocabException e) {
            throw new ApiException(502, e.error().code(), "invalid actor document at " + actorUri);
        }
        if (!actor.id().equals(actorUri) || actor.inbox() == null || actor.preferredUsername() == null) {
            throw new ApiException(502, "invalid_actor", "actor document at " + actorUri + " is incomplete");
        }
        try {
            return store(actor);
        } catch (StoreException e) {
            if (!e.isDuplicateKey()) {
                throw e;
            }
            // Two requests fetched the same new actor at once and the other inserted it first: update that row.
            return store(actor);
        }
    }

    /**
     * Applies an actor document the actor itself sent (an {@code Update(Person)} whose signature the inbox
     * verified) to the account we already know; returns it, or empty when the actor is unknown here.
     */
    public Optional<Account> applyUpdate(Actor actor) {
        if (uris.isLocal(actor.id()) || actor.preferredUsername() == null) {
            return Optional.empty();
        }
        boolean known = database.inTransaction(connection -> accounts.findByUri(connection, actor.id()).isPresent());
        return known ? Optional.of(store(actor)) : Optional.empty();
    }

    private Account store(Actor actor) {
        Account stored = storeInTransaction(actor);
        cache.invalidate(); // after the commit: see RemoteAccountCache
        changes.changed(stored.id());
        return stored;
    }

    private Account storeInTransaction(Actor actor) {
        Instant now = clock.instant();
        String authority = PeerPolicy.authorityOf(actor.id());
        return database.inTransaction(connection -> {
            Optional<Account> existing = accounts.findByUri(connection, actor.id());
            Account account = new Account(existing.map(Account::id).orElseGet(ids::next), actor.preferredUsername(),
                    authority, actor.id(), actor.name() == null ? actor.preferredUsername() : actor.name(),
                    actor.summary() == null ? "" : actor.summary(), actor.inbox(), actor.sharedInbox(),
                    actor.followers(), actor.manuallyApprovesFollowers(), Role.EMPLOYEE, false,
                    existing.map(Account::createdAt).orElse(now));
            if (existing.isPresent()) {
                accounts.updateRemote(connection, account, now);
            } else {
                accounts.insert(connection, account);
            }
            if (actor.publicKey() != null && sameOrigin(actor.publicKey().id(), actor.id())
                    && actor.id().equals(actor.publicKey().owner())) {
                keys.upsert(connection, new ActorKey(actor.publicKey().id(), actor.id(), account.id(), KeyAlgorithm.RSA,
                        actor.publicKey().publicKeyPem(), null, now));
            }
            // A Multikey counts only when the actor's own document lists it and names the actor as its controller.
            for (Multikey multikey : actor.assertionMethod()) {
                if (sameOrigin(multikey.id(), actor.id()) && actor.id().equals(multikey.controller())) {
                    storeMultikey(connection, multikey, account, actor, now);
                }
            }
            profiles.save(connection, account.id(), profileReader.read(actor), now);
            return account;
        });
    }

    /** Stores a Multikey we can read; one we cannot read is skipped, the actor's other keys still count. */
    private void storeMultikey(java.sql.Connection connection, Multikey multikey, Account account, Actor actor,
            Instant now) throws java.sql.SQLException {
        java.security.PublicKey key;
        try {
            key = KeyCodec.decodeMultikey(multikey.publicKeyMultibase());
        } catch (KeyFormatException e) {
            return;
        }
        Optional<KeyAlgorithm> algorithm = KeyCodec.algorithmOf(key);
        if (algorithm.isPresent()) {
            keys.upsert(connection, new ActorKey(multikey.id(), actor.id(), account.id(), algorithm.get(),
                    KeyCodec.encodePublicKeyPem(key), null, now));
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a != null && b != null && PeerPolicy.authorityOf(a).equals(PeerPolicy.authorityOf(b))
                && a.getScheme().equalsIgnoreCase(b.getScheme());
    }
}
