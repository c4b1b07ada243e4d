package org.tributary.node.hashtag;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.federation.inbox.Origin;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.Note;
import org.tributary.federation.vocab.OrderedCollection;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.federation.vocab.VocabException;
import org.tributary.node.account.Account;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.audit.AuditedFetcher;
import org.tributary.node.config.LocalUris;
import org.tributary.node.http.ApiException;
import org.tributary.node.inbound.IncomingNotes;
import org.tributary.node.post.StatusTagStore;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.Database;

/**
 * Fills a new subscription's past: once a peer accepts our Follow of its tag collection, everything it
 * posts from then on is delivered, and everything before is in the collection, so this fetches the
 * collection (a signed GET by the instance actor) and stores its posts, without notifying anyone.
 *
 * <p>Each embedded post is only a claim by the peer: it must be a post from the collection's own
 * origin, attributed to an actor of that origin, organization-visible, and tagged with the tag.
 */
public final class TagBackfill {
    /** What one backfill did: posts stored, and posts skipped (known already, or failing a check). */
    public record Outcome(int stored, int skipped, String detail) {
    }

    private final Database database;
    private final IncomingNotes incoming;
    private final RemoteAccountService remoteAccounts;
    private final AuditedFetcher fetcher;
    private final VocabCodec codec;
    private final LocalUris uris;

    public TagBackfill(Database database, IncomingNotes incoming, RemoteAccountService remoteAccounts,
            AuditedFetcher fetcher, VocabCodec codec, LocalUris uris) {
        this.database = database;
        this.incoming = incoming;
        this.remoteAccounts = remoteAccounts;
        this.fetcher = fetcher;
        this.codec = codec;
        this.uris = uris;
    }

    public Outcome backfill(TagPeerSubscription subscription) {
        FetchResult result = fetcher.fetch(subscription.collection(),
                uris.rsaKeyId(LocalUris.INSTANCE_ACTOR_USERNAME));
        if (result instanceof FetchResult.Failed failed) {
            return new Outcome(0, 0, failed.error().code() + ": " + failed.detail());
        }
        OrderedCollection collection;
        try {
            collection = codec.readOrderedCollection(((FetchResult.Fetched) result).document());
        } catch (VocabException e) {
            return new Outcome(0, 0, "not a collection: " + subscription.collection());
        }
        int stored = 0;
        int skipped = 0;
        for (JsonValue item : collection.orderedItems()) {
            if (storeItem(subscription, item)) {
                stored++;
            } else {
                skipped++;
            }
        }
        return new Outcome(stored, skipped, "collection read");
    }

    private boolean storeItem(TagPeerSubscription subscription, JsonValue item) {
        if (!(item instanceof JsonObject object)) {
            return false;
        }
        Note note;
        try {
            note = codec.readNote(object);
        } catch (VocabException e) {
            return false;
        }
        if (!As2.POST_TYPES.contains(note.type()) || note.attributedTo() == null
                || !Origin.same(note.id(), subscription.collection())
                || !Origin.same(note.attributedTo(), subscription.collection()) || !isTagged(note, subscription.name())) {
            return false;
        }
        Account author;
        try {
            author = remoteAccounts.byUri(note.attributedTo());
        } catch (ApiException e) {
            return false;
        }
        if (IncomingNotes.visibilityOf(note, author) != Visibility.ORGANIZATION) {
            return false;
        }
        Optional<?> stored = database.inTransaction(connection -> incoming.store(connection, note, author, false));
        return stored.isPresent();
    }

    private static boolean isTagged(Note note, String name) {
        return note.tag().stream().anyMatch(tag -> As2.HASHTAG.equals(tag.type()) && tag.name() != null
                && StatusTagStore.normalize(tag.name()).equals(name));
    }
}
