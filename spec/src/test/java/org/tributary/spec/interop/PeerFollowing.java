package org.tributary.spec.interop;

import java.net.URI;

/**
 * An actor the Fedify peer sent a Follow to, and where that Follow stands.
 *
 * @param state {@code pending}, {@code accepted} or {@code rejected}
 */
public record PeerFollowing(URI actor, URI followId, String state) {
    public boolean accepted() {
        return "accepted".equals(state);
    }
}
