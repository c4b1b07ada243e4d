package org.tributary.node.directory;

import java.net.URI;
import java.util.Optional;

/**
 * A person found by a directory search, and the node that listed them ({@code host:port}).
 *
 * @param localId the account's id on this node when this node knows the person, so a client can follow
 */
public record DirectoryHit(URI uri, String username, String node, String displayName, String department,
        String title, String location, Optional<URI> avatar, Optional<Long> localId) {
}
