package org.tributary.spec.interop;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the Fedify peer found when it resolved a handle by WebFinger and fetched the actor with a
 * signed GET.
 *
 * @param webFingerUrl the WebFinger request the peer made
 * @param subject the {@code subject} of the WebFinger answer
 * @param id the actor id (the fetched document's own id, not just the WebFinger link)
 * @param type Fedify's class for the actor, e.g. {@code Person}
 */
public record ActorLookup(
        URI webFingerUrl,
        Optional<String> subject,
        URI id,
        String type,
        Optional<String> preferredUsername,
        URI inbox,
        Optional<URI> sharedInbox,
        Optional<URI> publicKeyId,
        List<URI> publicKeyIds) {
}
