package org.tributary.node.keys;

import java.net.URI;
import java.time.Instant;
import org.tributary.federation.signature.KeyAlgorithm;

/**
 * A public key of an actor, with its private half when the actor is one of ours. Keys are named by
 * their id ({@code https://node/users/alice#main-key}), which is what signatures carry.
 */
public record ActorKey(URI keyId, URI owner, long accountId, KeyAlgorithm algorithm, String publicPem,
        String privatePem, Instant fetchedAt) {

    public boolean hasPrivateKey() {
        return privatePem != null;
    }
}
