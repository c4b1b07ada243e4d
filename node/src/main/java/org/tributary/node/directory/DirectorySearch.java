package org.tributary.node.directory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.node.account.Account;
import org.tributary.node.audit.AuditedFetcher;
import org.tributary.node.account.AccountStore;
import org.tributary.node.config.LocalUris;
import org.tributary.node.peer.Peer;
import org.tributary.node.peer.PeerService;
import org.tributary.node.store.Database;

/**
 * Finds colleagues on every node: this node's directory, and each allowlisted peer's {@code /directory}
 * asked with a signed GET by the instance actor, all peers at once. Peers that have not answered
 * within the time limit are reported as {@code timeout}; peers that answered with an error, as
 * {@code failed}. Results are merged in the order local, then peers in allowlist order, each person
 * once (by actor id).
 */
public final class DirectorySearch {
    /** The most people taken from any one node. */
    public static final int PER_NODE = Directory.MAX_LIMIT;

    /** The result: the people found and how every node answered. */
    public record Result(List<DirectoryHit> hits, List<PeerOutcome> nodes) {
    }

    private final Directory directory;
    private final PeerService peers;
    private final AuditedFetcher fetcher;
    private final DirectoryDocuments documents;
    private final Database database;
    private final AccountStore accounts;
    private final LocalUris uris;
    private final ExecutorService executor;
    private final Duration timeLimit;

    public DirectorySearch(Directory directory, PeerService peers, AuditedFetcher fetcher, DirectoryDocuments documents,
            Database database, AccountStore accounts, LocalUris uris, ExecutorService executor, Duration timeLimit) {
        this.directory = directory;
        this.peers = peers;
        this.fetcher = fetcher;
        this.documents = documents;
        this.database = database;
        this.accounts = accounts;
        this.uris = uris;
        this.executor = executor;
        this.timeLimit = timeLimit;
    }

    public Result search(String query) {
        String q = query == null ? "" : query.strip();
        Map<String, CompletableFuture<List<DirectoryHit>>> asked = new LinkedHashMap<>();
        for (Peer peer : peers.list()) {
            asked.put(peer.authority(), CompletableFuture.supplyAsync(() -> ask(peer.authority(), q), executor)
                    .orTimeout(timeLimit.toMillis(), TimeUnit.MILLISECONDS));
        }
        List<DirectoryEntry> local = directory.list(q, true, DirectoryStore.Order.NEW, 0, PER_NODE);
        Map<URI, DirectoryHit> merged = new LinkedHashMap<>();
        local.forEach(entry -> merged.putIfAbsent(entry.account().uri(), localHit(entry)));
        List<PeerOutcome> outcomes = new ArrayList<>();
        outcomes.add(PeerOutcome.ok(uris.base().getAuthority(), local.size()));
        for (Map.Entry<String, CompletableFuture<List<DirectoryHit>>> peer : asked.entrySet()) {
            try {
                List<DirectoryHit> hits = peer.getValue().join();
                hits.stream().limit(PER_NODE).forEach(hit -> merged.putIfAbsent(hit.uri(), withLocalId(hit)));
                outcomes.add(PeerOutcome.ok(peer.getKey(), hits.size()));
            } catch (CompletionException e) {
                outcomes.add(failure(peer.getKey(), e.getCause()));
            }
        }
        return new Result(new ArrayList<>(merged.values()), outcomes);
    }

    private List<DirectoryHit> ask(String authority, String query) {
        URI url = URI.create(uris.base().getScheme() + "://" + authority + "/directory"
                + (query.isEmpty() ? "" : "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        FetchResult result = fetcher.fetch(url, uris.rsaKeyId(LocalUris.INSTANCE_ACTOR_USERNAME));
        if (result instanceof FetchResult.Failed failed) {
            throw new PeerFailed(failed.error().code() + ": " + failed.detail());
        }
        return documents.read(((FetchResult.Fetched) result).document(), url);
    }

    private static PeerOutcome failure(String node, Throwable cause) {
        if (cause instanceof TimeoutException) {
            return new PeerOutcome(node, PeerOutcome.TIMEOUT, 0, "no answer within the time limit");
        }
        String detail = cause instanceof PeerFailed ? cause.getMessage() : "unexpected failure: " + cause;
        return new PeerOutcome(node, PeerOutcome.FAILED, 0, detail);
    }

    private DirectoryHit localHit(DirectoryEntry entry) {
        Account account = entry.account();
        return new DirectoryHit(account.uri(), account.username(), uris.base().getAuthority(), account.displayName(),
                entry.profile().department(), entry.profile().title(), entry.profile().location(),
                entry.profile().avatar(), Optional.of(account.id()));
    }

    private DirectoryHit withLocalId(DirectoryHit hit) {
        Optional<Long> id = database.inTransaction(connection -> accounts.findByUri(connection, hit.uri()))
                .map(Account::id);
        return new DirectoryHit(hit.uri(), hit.username(), hit.node(), hit.displayName(), hit.department(),
                hit.title(), hit.location(), hit.avatar(), id);
    }

    /** A peer answered, but not with a directory. */
    private static final class PeerFailed extends RuntimeException {
        PeerFailed(String message) {
            super(message, null, false, false);
        }
    }
}
