package org.tributary.node.activitypub;

import java.net.URI;
import java.util.Optional;
import org.tributary.federation.http.HttpRequestParts;

/** Where the authorized-fetch check reports every signed GET it judged (the node's audit log). */
@FunctionalInterface
public interface SignedFetchLog {

    /**
     * @param signer the verified signing actor, when the GET was accepted
     * @param result {@code accepted} or the error code it was refused with
     */
    void received(HttpRequestParts request, Optional<URI> signer, String result);
}
