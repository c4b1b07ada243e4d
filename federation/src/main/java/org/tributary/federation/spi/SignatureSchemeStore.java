package org.tributary.federation.spi;

import java.util.Map;
import org.tributary.federation.signature.SignatureScheme;

/**
 * Optionally persists which signature scheme each peer accepted, so that a restarted node does not
 * knock twice again on every peer. Peers are named by authority, as in {@link PeerPolicy}.
 */
public interface SignatureSchemeStore {

    /** Everything remembered so far, read once at start-up. */
    Map<String, SignatureScheme> loadAll();

    void save(String authority, SignatureScheme scheme);
}
