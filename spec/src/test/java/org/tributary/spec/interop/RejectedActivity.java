package org.tributary.spec.interop;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * An inbound activity whose signature the Fedify peer could not verify (it answered 401).
 *
 * @param reason Fedify's reason, e.g. {@code noSignature}, {@code invalidSignature}, {@code keyFetchError}
 */
public record RejectedActivity(Instant receivedAt, Optional<URI> id, Optional<URI> actor, String reason) {
}
