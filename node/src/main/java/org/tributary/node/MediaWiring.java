package org.tributary.node;

import java.time.Clock;
import org.glassfish.jersey.server.ResourceConfig;
import org.tributary.federation.delivery.DoubleKnockSender;
import org.tributary.node.activitypub.SignedGetVerifier;
import org.tributary.node.api.MediaFilesResource;
import org.tributary.node.api.MediaModels;
import org.tributary.node.api.MediaResource;
import org.tributary.node.api.MediaV2Resource;
import org.tributary.node.account.ProfileStore;
import org.tributary.node.auth.AuthService;
import org.tributary.node.config.NodeConfig;
import org.tributary.node.keys.LocalSigningKeys;
import org.tributary.node.media.MediaAccess;
import org.tributary.node.media.MediaFileStore;
import org.tributary.node.media.MediaInspector;
import org.tributary.node.media.MediaLimits;
import org.tributary.node.media.MediaService;
import org.tributary.node.media.MediaStore;
import org.tributary.node.media.MediaUrls;
import org.tributary.node.media.NoteAttachments;
import org.tributary.node.media.RemoteMediaFetcher;
import org.tributary.node.media.RemoteMediaReferences;
import org.tributary.node.peer.PeerService;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Media attachments, wired once for {@link NodeAssembly} (spec/media.md): uploads stored as files under
 * {@code <data>/media} and attached to posts in the post's transaction, references to peers' media kept
 * with their posts (nothing is fetched by itself), and the media APIs.
 */
final class MediaWiring {
    private final Database database;
    private final MediaStore store = new MediaStore();
    private final MediaFileStore files;
    private final MediaService service;
    private final MediaUrls urls;
    private final MediaModels models;
    private final RemoteMediaReferences remoteReferences;
    private final RemoteMediaFetcher fetcher;

    MediaWiring(Database database, NodeConfig config, MediaLimits limits, DoubleKnockSender sender,
            LocalSigningKeys signingKeys, PeerService peers, IdGenerator ids, Clock clock) {
        this.database = database;
        this.files = new MediaFileStore(config.dataDir().resolve("media"));
        this.service = new MediaService(database, store, files, new MediaInspector(limits), limits, ids, clock);
        this.urls = new MediaUrls(config);
        this.models = new MediaModels(urls);
        this.remoteReferences = new RemoteMediaReferences(store, peers, limits, ids, clock);
        this.fetcher = new RemoteMediaFetcher(sender, signingKeys, peers, limits.maxUploadBytes());
    }

    MediaStore store() {
        return store;
    }

    MediaService service() {
        return service;
    }

    /** A post's media as the attachments of its Note. */
    NoteAttachments noteAttachments() {
        return new NoteAttachments(urls);
    }

    MediaUrls urls() {
        return urls;
    }

    MediaModels models() {
        return models;
    }

    /** The media of peers' posts, referenced where they are. */
    RemoteMediaReferences remoteReferences() {
        return remoteReferences;
    }

    /** Signed GETs of peers' media files. */
    RemoteMediaFetcher fetcher() {
        return fetcher;
    }

    /** Registers the upload APIs (v1, v2) and the file endpoint, which checks the post's read rule. */
    ResourceConfig register(ResourceConfig application, AuthService auth, SignedGetVerifier signedGets,
            StatusStore statuses, StatusVisibility visibility, ProfileStore profiles) {
        MediaResource mediaResource = new MediaResource(auth, service, models);
        return application
                .register(mediaResource)
                .register(new MediaV2Resource(mediaResource))
                .register(new MediaFilesResource(auth, signedGets, new MediaAccess(database, store, statuses,
                        visibility, profiles), files));
    }
}
