package org.tributary.node.media;

import java.net.URI;
import org.tributary.node.config.NodeConfig;

/** Where this node serves its media files: {@code <base>/media/<sha256>}. */
public final class MediaUrls {
    private final NodeConfig config;

    public MediaUrls(NodeConfig config) {
        this.config = config;
    }

    /** The URL clients and peers read: the local file's, or the peer's for a remote reference. */
    public URI urlOf(MediaAttachment media) {
        return media.isRemote() ? media.remoteUrl() : config.resolve("/media/" + media.sha256());
    }
}
