package org.tributary.node.thread;

import java.net.URI;
import java.util.Optional;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.federation.inbox.Origin;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.Note;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.federation.vocab.VocabException;
import org.tributary.node.audit.AuditedFetcher;
import org.tributary.node.account.Account;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.http.ApiException;
import org.tributary.node.inbound.IncomingNotes;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Database;

/**
 * Completes a thread when a reply arrives before the post it answers: fetches the missing ancestors
 * with a signed GET by the instance actor, only from allowlisted peers, at most {@link #MAX_DEPTH}
 * posts up, and stores them (without notifying anyone: they are old news). It stops at the first post
 * that is known, local, deleted here, unreachable or not a post written by an actor of its own origin.
 */
public final class AncestorFetcher {
    public static final int MAX_DEPTH = 5;

    /** How far the walk got: posts stored, and why it stopped. */
    public record Outcome(int stored, String stoppedBecause) {
    }

    private final Database database;
    private final StatusStore statuses;
    private final IncomingNotes incoming;
    private final RemoteAccountService remoteAccounts;
    private final AuditedFetcher fetcher;
    private final PeerPolicy peers;
    private final VocabCodec codec;
    private final LocalUris uris;

    public AncestorFetcher(Database database, StatusStore statuses, IncomingNotes incoming,
            RemoteAccountService remoteAccounts, AuditedFetcher fetcher, PeerPolicy peers, VocabCodec codec,
            LocalUris uris) {
        this.database = database;
        this.statuses = statuses;
        this.incoming = incoming;
        this.remoteAccounts = remoteAccounts;
        this.fetcher = fetcher;
        this.peers = peers;
        this.codec = codec;
        this.uris = uris;
    }

    /** Fetches {@code parent} and its own missing ancestors, up to {@link #MAX_DEPTH} posts. */
    public Outcome fetchMissing(URI parent) {
        URI next = parent;
        for (int stored = 0; stored < MAX_DEPTH; stored++) {
            Optional<String> stop = reasonToStop(next);
            if (stop.isPresent()) {
                return new Outcome(stored, stop.get());
            }
            FetchResult result = fetcher.fetch(next, uris.rsaKeyId(LocalUris.INSTANCE_ACTOR_USERNAME));
            if (result instanceof FetchResult.Failed failed) {
                return new Outcome(stored, failed.error().code() + ": " + failed.detail());
            }
            Note note;
            jakarta.json.JsonObject document = ((FetchResult.Fetched) result).document();
            try {
                note = codec.readNote(document);
            } catch (VocabException e) {
                return new Outcome(stored, "not a readable post: " + next);
            }
            if (!As2.POST_TYPES.contains(note.type()) || note.attributedTo() == null
                    || !Origin.same(note.attributedTo(), note.id())) {
                return new Outcome(stored, "not a post by an actor of its own origin: " + next);
            }
            Account author;
            try {
                author = remoteAccounts.byUri(note.attributedTo());
            } catch (ApiException e) {
                return new Outcome(stored, "author unavailable: " + e.getMessage());
            }
            database.inTransaction(connection -> incoming.store(connection, note, document, author, false));
            next = note.inReplyTo();
        }
        return new Outcome(MAX_DEPTH, "depth limit");
    }

    private Optional<String> reasonToStop(URI uri) {
        if (uri == null) {
            return Optional.of("top of the thread");
        }
        if (uris.isLocal(uri)) {
            return Optional.of("local post");
        }
        if (!peers.isAllowed(uri)) {
            return Optional.of("not on an allowlisted peer: " + uri);
        }
        boolean known = database.inTransaction(connection -> statuses.findByUri(connection, uri).isPresent()
                || statuses.isDeleted(connection, uri));
        return known ? Optional.of("known post") : Optional.empty();
    }
}
