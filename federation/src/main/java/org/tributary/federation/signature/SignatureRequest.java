package org.tributary.federation.signature;

import java.net.URI;
import java.util.Objects;

/**
 * What an incoming request claims about its signature, parsed but not yet verified: which scheme,
 * which key. The verifier needs the key before it can check anything, and the key is resolved by id.
 */
public record SignatureRequest(SignatureScheme scheme, URI keyId) {
    public SignatureRequest {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(keyId, "keyId");
    }
}
