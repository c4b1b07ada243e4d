package org.tributary.node;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.glassfish.jersey.media.sse.SseFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.tributary.federation.discovery.NodeInfoClient;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.activitypub.SignedGetVerifier;
import org.tributary.node.activitypub.TagCollectionResource;
import org.tributary.node.api.ClientModels;
import org.tributary.node.api.FollowedTagsResource;
import org.tributary.node.api.StreamingResource;
import org.tributary.node.api.TagsResource;
import org.tributary.node.audit.AuditedFetcher;
import org.tributary.node.auth.AuthService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.hashtag.HashtagService;
import org.tributary.node.hashtag.PeerTagSubscriptions;
import org.tributary.node.hashtag.TagBackfill;
import org.tributary.node.hashtag.TagFollowStore;
import org.tributary.node.hashtag.TagPeerSubscriptionStore;
import org.tributary.node.hashtag.TagSubscriberStore;
import org.tributary.node.hashtag.TagSubscribers;
import org.tributary.node.hashtag.TagTimelineStore;
import org.tributary.node.hashtag.TributaryPeers;
import org.tributary.node.inbound.AcceptTagFollowHandler;
import org.tributary.node.inbound.InboundHandlers;
import org.tributary.node.inbound.IncomingNotes;
import org.tributary.node.inbound.TagFollowHandler;
import org.tributary.node.inbound.UndoTagFollowHandler;
import org.tributary.node.outbound.CollectionDocuments;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.outbound.TagFollowActivities;
import org.tributary.node.peer.PeerService;
import org.tributary.node.post.PostDelivery;
import org.tributary.node.post.StatusRecipientStore;
import org.tributary.node.post.StatusTagStore;
import org.tributary.node.post.StatusViews;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.streaming.SseStreamWriter;
import org.tributary.node.streaming.StreamAudience;
import org.tributary.node.streaming.StreamHub;
import org.tributary.node.streaming.StreamLimits;
import org.tributary.node.timeline.HomeFeed;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Hashtags and streaming, wired once for {@link NodeAssembly} (spec/hashtags.md): followed tags, tag
 * timelines, this node's subscriptions to peers' tag collections and peers' subscriptions to ours, and
 * the server-sent event streams. Built before the posting services, which publish to its stream hub and
 * deliver to its tag subscribers; its inbox handlers and HTTP resources are handed out afterwards.
 */
final class HashtagWiring {
    private final Database database;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;
    private final AccountStore accounts;
    private final RemoteAccountService remoteAccounts;
    private final Outbox outbox;
    private final TagFollowStore tagFollows = new TagFollowStore();
    private final TagSubscriberStore tagSubscriberStore = new TagSubscriberStore();
    private final TagPeerSubscriptionStore peerSubscriptionStore = new TagPeerSubscriptionStore();
    private final TagFollowActivities tagFollowActivities;
    private final TagSubscribers tagSubscribers;
    private final StreamHub streams;
    private final ExecutorService worker;
    private final ExecutorService streamWriters;
    private final PeerTagSubscriptions peerSubscriptions;
    private final HashtagService hashtags;

    HashtagWiring(Database database, StatusTagStore tagStore, AccountStore accounts,
            RemoteAccountService remoteAccounts, PeerService peers, NodeInfoClient nodeInfo, Outbox outbox,
            HomeFeed homeFeed, StatusVisibility visibility, VocabCodec codec, LocalUris uris, IdGenerator ids,
            Clock clock) {
        this.database = database;
        this.codec = codec;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
        this.accounts = accounts;
        this.remoteAccounts = remoteAccounts;
        this.outbox = outbox;
        this.tagFollowActivities = new TagFollowActivities(codec);
        this.tagSubscribers = new TagSubscribers(database, tagSubscriberStore);
        this.streams = new StreamHub(database, tagStore, StreamLimits.defaults());
        this.worker = Executors.newSingleThreadExecutor(daemon("tributary-hashtags"));
        this.streamWriters = Executors.newCachedThreadPool(daemon("tributary-stream"));
        this.peerSubscriptions = new PeerTagSubscriptions(database, tagFollows, peerSubscriptionStore, accounts,
                remoteAccounts, new TributaryPeers(peers, nodeInfo, clock, Duration.ofHours(1)), tagFollowActivities,
                outbox, uris, ids, clock, worker);
        this.hashtags = new HashtagService(database, tagFollows, new TagTimelineStore(), visibility, peerSubscriptions,
                homeFeed, ids, clock);
    }

    /** Where posts are announced as they are created, edited and deleted (the streaming API's bus). */
    StreamHub streams() {
        return streams;
    }

    /** The peer nodes subscribed to our tag collections, for post delivery. */
    TagSubscriberStore tagSubscriberStore() {
        return tagSubscriberStore;
    }

    /** The tags employees follow: a peer's post with one is welcome here even from an author nobody follows. */
    TagFollowStore tagFollows() {
        return tagFollows;
    }

    HashtagService hashtags() {
        return hashtags;
    }

    PeerTagSubscriptions peerSubscriptions() {
        return peerSubscriptions;
    }

    TagSubscribers tagSubscribers() {
        return tagSubscribers;
    }

    /** The inbox handlers of Follow and Accept of tag collections by peers' instance actors. */
    InboundHandlers.TagSubscriptions inboundHandlers(IncomingNotes incomingNotes, AuditedFetcher fetcher) {
        return new InboundHandlers.TagSubscriptions(
                new TagFollowHandler(database, tagSubscriberStore, accounts, remoteAccounts, tagFollowActivities,
                        outbox, codec, uris, ids, clock),
                new AcceptTagFollowHandler(database, peerSubscriptionStore,
                        new TagBackfill(database, incomingNotes, remoteAccounts, fetcher, codec, uris), codec, uris));
    }

    /** The Undo of a peer's subscription to one of our tags: one of the routes of the node's Undo router. */
    UndoTagFollowHandler undoTagFollow() {
        return new UndoTagFollowHandler(database, tagSubscriberStore, codec);
    }

    /** Registers the tag collections, the tags and followed-tags APIs and the streaming API. */
    ResourceConfig register(ResourceConfig application, AuthService auth, StatusViews views, PostDelivery delivery,
            NoteActivities notes, CollectionDocuments collections, SignedGetVerifier signedGets, ClientModels models,
            StatusVisibility visibility, FollowStore follows, StatusRecipientStore recipients) {
        TagsResource tagsResource = new TagsResource(auth, hashtags, uris);
        SseStreamWriter streamWriter = new SseStreamWriter(new StreamAudience(database, visibility, follows,
                recipients, tagFollows), streamWriters, streams.limits().heartbeat());
        return application
                .register(new TagCollectionResource(hashtags, views, delivery, notes, collections, signedGets, codec,
                        uris))
                .register(tagsResource)
                .register(new FollowedTagsResource(auth, hashtags, tagsResource))
                .register(SseFeature.class)
                .register(new StreamingResource(auth, streams, streamWriter, views, models));
    }

    /** Ends the open streams: they would otherwise hold the server's stop until their next heartbeat. */
    void closeStreams() {
        streams.closeAll();
        streamWriters.shutdownNow();
    }

    /** Stops the subscription worker (after the server). */
    void close() {
        worker.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
