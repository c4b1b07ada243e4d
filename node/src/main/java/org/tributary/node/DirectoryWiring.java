package org.tributary.node;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.glassfish.jersey.server.ResourceConfig;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.AccountService;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.ProfileService;
import org.tributary.node.account.ProfileStore;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.activitypub.RequestParts;
import org.tributary.node.activitypub.SignedGetVerifier;
import org.tributary.node.admin.AccountAdministration;
import org.tributary.node.admin.AdminAccess;
import org.tributary.node.admin.AdminAccountsResource;
import org.tributary.node.admin.AdminActionLog;
import org.tributary.node.admin.AdminDeliveriesResource;
import org.tributary.node.admin.AdminDtos;
import org.tributary.node.admin.AdminPeersResource;
import org.tributary.node.admin.AuditedAdminActions;
import org.tributary.node.admin.PeerAdministration;
import org.tributary.node.api.ClientModels;
import org.tributary.node.audit.AuditLog;
import org.tributary.node.audit.AuditedFetcher;
import org.tributary.node.auth.AuthService;
import org.tributary.node.auth.CredentialStore;
import org.tributary.node.auth.PasswordHasher;
import org.tributary.node.auth.TokenStore;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.DeliveryStore;
import org.tributary.node.directory.Directory;
import org.tributary.node.directory.DirectoryDocuments;
import org.tributary.node.directory.DirectoryPeerResource;
import org.tributary.node.directory.DirectoryResource;
import org.tributary.node.directory.DirectorySearch;
import org.tributary.node.directory.DirectoryStore;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.keys.ActorKeyStore;
import org.tributary.node.outbound.ActorDocuments;
import org.tributary.node.outbound.ActorUpdates;
import org.tributary.node.peer.PeerService;
import org.tributary.node.post.PlainTextFormatter;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusViews;
import org.tributary.node.relationship.BlockStore;
import org.tributary.node.config.NodeConfig;
import org.tributary.node.search.BlockExclusions;
import org.tributary.node.search.IndexLocation;
import org.tributary.node.search.SearchIndex;
import org.tributary.node.search.SearchIndexer;
import org.tributary.node.search.SearchResolver;
import org.tributary.node.search.SearchResource;
import org.tributary.node.search.SearchService;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.thread.AncestorFetcher;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Profiles, the profiles directory, full-text search and the admin API, wired once for {@link NodeAssembly}
 * (spec/directory.md). The search index itself is built earlier by the assembly, since every writer of
 * posts and accounts tells its indexer of changes; this part serves what the index and directory hold.
 */
final class DirectoryWiring implements AutoCloseable {
    /** How long a directory search waits for peers before reporting them as timed out. */
    private static final Duration DIRECTORY_TIME_LIMIT = Duration.ofSeconds(3);

    /**
     * The search index and what it reads, built before any writer of posts or accounts, since each tells
     * the indexer of its changes; the index is a derived view of the store, updated after commits.
     */
    record Index(ProfileStore profiles, SearchIndex index, SearchIndexer indexer) {
        Index(NodeConfig config, Database database, AccountStore accounts, Clock clock) {
            this(new ProfileStore(), new SearchIndex(config.searchIndexDir().map(IndexLocation::onDisk)
                    .orElseGet(IndexLocation::inMemory)), database, accounts, clock);
        }

        private Index(ProfileStore profiles, SearchIndex index, Database database, AccountStore accounts,
                Clock clock) {
            this(profiles, index, new SearchIndexer(database, index, accounts, profiles, clock));
        }
    }

    private final Index index;
    private final ActorDocuments actorDocuments;
    private final ProfileService profiles;
    private final Directory directory;
    private final DirectoryDocuments documents;
    private final ExecutorService askers;
    private final DirectorySearch directorySearch;
    private final SearchService search;
    private final AccountAdministration accountAdministration;
    private final PeerAdministration peerAdministration;
    private final LocalUris uris;

    DirectoryWiring(Index index, Database database, AccountStore accountStore, ActorKeyStore keyStore,
            FollowStore followStore, StatusStore statusStore, BlockStore blockStore, AccountService accounts,
            CredentialStore credentials, TokenStore tokens, PasswordHasher hasher, SecureRandom random,
            AuditLog auditLog, PeerService peers, DeliveryStore deliveries, AuditedFetcher fetcher,
            RemoteAccountService remoteAccounts, AncestorFetcher ancestors, Outbox outbox, StatusViews statusViews,
            StatusVisibility visibility, VocabCodec codec, LocalUris uris, IdGenerator ids, Clock clock) {
        this.uris = uris;
        this.index = index;
        ProfileStore profileStore = index.profiles();
        this.actorDocuments = new ActorDocuments(uris);
        // A profile edit is sent to followers' nodes as an Update of the actor, and reindexed.
        this.profiles = new ProfileService(database, accountStore, profileStore, new PlainTextFormatter(),
                new ActorUpdates(accountStore, keyStore, followStore, actorDocuments, outbox, codec, ids, clock),
                index.indexer(), clock);
        this.directory = new Directory(database, new DirectoryStore(), accountStore, profileStore);
        this.documents = new DirectoryDocuments(uris.context());
        this.askers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "tributary-directory");
            thread.setDaemon(true);
            return thread;
        });
        this.directorySearch = new DirectorySearch(directory, peers, fetcher, documents, database, accountStore, uris,
                askers, DIRECTORY_TIME_LIMIT);
        this.search = new SearchService(database, index.index(), accountStore, statusViews, visibility,
                new BlockExclusions(database, blockStore), new SearchResolver(database, accountStore, statusStore,
                        remoteAccounts, ancestors, fetcher, peers, uris));
        AdminActionLog adminLog = new AuditedAdminActions(auditLog, clock);
        this.accountAdministration = new AccountAdministration(database, accountStore, accounts, credentials, tokens,
                hasher, random, index.indexer(), adminLog, clock);
        this.peerAdministration = new PeerAdministration(peers, deliveries, adminLog);
    }

    /** Profile edits and reads (display name, bio, fields, locked). */
    ProfileService profiles() {
        return profiles;
    }

    /** Local accounts as ActivityPub actors, profile included. */
    ActorDocuments actorDocuments() {
        return actorDocuments;
    }

    /** Account administration, as the CLI and the admin API use it. */
    AccountAdministration accountAdministration() {
        return accountAdministration;
    }

    /** Registers the directory (for employees and for peers), search, and the admin API. */
    ResourceConfig register(ResourceConfig application, AuthService auth, ClientModels models,
            SignedGetVerifier signedGets, RequestParts requestParts) {
        AdminAccess adminAccess = new AdminAccess(auth);
        return application
                .register(new DirectoryPeerResource(directory, documents, signedGets, requestParts))
                .register(new DirectoryResource(auth, directory, directorySearch, models))
                .register(new SearchResource(auth, search, models, uris))
                .register(new AdminAccountsResource(adminAccess, accountAdministration, new AdminDtos(models)))
                .register(new AdminPeersResource(adminAccess, peerAdministration))
                .register(new AdminDeliveriesResource(adminAccess, peerAdministration));
    }

    /**
     * Starts the search indexer's thread: it first builds an empty index (a fresh or in-memory one) from
     * the store, or re-reads what the last run may not have committed, then follows changes.
     */
    void startIndexing() {
        index.indexer().start();
    }

    /** Stops directory searches and the indexer; the index is committed and closed. */
    @Override
    public void close() {
        askers.shutdownNow();
        index.indexer().close();
    }
}
