package org.tributary.spec.interop;

import java.net.URI;
import java.util.Optional;

/** An actor that follows the Fedify peer (the peer accepted its Follow). */
public record PeerFollower(URI id, URI inbox, Optional<URI> sharedInbox, Optional<URI> followId) {
}
