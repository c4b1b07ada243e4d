package org.tributary.node.search;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.federation.vocab.As2;
import org.tributary.node.account.Account;
import org.tributary.node.audit.AuditedFetcher;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.http.ApiException;
import org.tributary.node.inbound.UpdateActorHandler;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Database;
import org.tributary.node.thread.AncestorFetcher;

/**
 * {@code resolve=true}: turns a handle ({@code user@host:port}) or a URL into something this node
 * holds. Handles go through WebFinger; URLs already known are looked up; other URLs on allowlisted
 * peers are fetched (signed, by the instance actor) and stored as an account or a post. Anything that
 * cannot be resolved resolves to nothing: a search never fails because a peer did.
 */
public final class SearchResolver {
    private static final Pattern HANDLE = Pattern.compile("@?[^@\\s/]+@[^@\\s/]+");

    /** What a query resolved to. */
    public record Resolved(Optional<Account> account, Optional<Status> status) {
        static Resolved nothing() {
            return new Resolved(Optional.empty(), Optional.empty());
        }
    }

    private final Database database;
    private final AccountStore accounts;
    private final StatusStore statuses;
    private final RemoteAccountService remoteAccounts;
    private final AncestorFetcher posts;
    private final AuditedFetcher fetcher;
    private final PeerPolicy peers;
    private final LocalUris uris;

    public SearchResolver(Database database, AccountStore accounts, StatusStore statuses,
            RemoteAccountService remoteAccounts, AncestorFetcher posts, AuditedFetcher fetcher, PeerPolicy peers,
            LocalUris uris) {
        this.database = database;
        this.accounts = accounts;
        this.statuses = statuses;
        this.remoteAccounts = remoteAccounts;
        this.posts = posts;
        this.fetcher = fetcher;
        this.peers = peers;
        this.uris = uris;
    }

    public Resolved resolve(String query) {
        String q = query.strip();
        try {
            if (HANDLE.matcher(q).matches()) {
                return new Resolved(Optional.of(remoteAccounts.byHandle(q)), Optional.empty());
            }
            Optional<URI> url = url(q);
            return url.isPresent() ? resolveUrl(url.get()) : Resolved.nothing();
        } catch (ApiException e) {
            return Resolved.nothing();
        }
    }

    private Resolved resolveUrl(URI url) {
        Resolved known = known(url);
        if (known.account().isPresent() || known.status().isPresent() || uris.isLocal(url) || !peers.isAllowed(url)) {
            return known;
        }
        FetchResult result = fetcher.fetch(url, uris.rsaKeyId(LocalUris.INSTANCE_ACTOR_USERNAME));
        if (!(result instanceof FetchResult.Fetched fetched)) {
            return Resolved.nothing();
        }
        String type = fetched.document().getString("type", "");
        if (UpdateActorHandler.ACTOR_TYPES.contains(type)) {
            return new Resolved(Optional.of(remoteAccounts.refresh(url)), Optional.empty());
        }
        if (As2.POST_TYPES.contains(type)) {
            posts.fetchMissing(url);
            return known(url);
        }
        return Resolved.nothing();
    }

    private Resolved known(URI url) {
        return database.inTransaction(connection -> new Resolved(accounts.findByUri(connection, url),
                statuses.findByUri(connection, url)));
    }

    private static Optional<URI> url(String text) {
        if (!text.startsWith("http://") && !text.startsWith("https://")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
