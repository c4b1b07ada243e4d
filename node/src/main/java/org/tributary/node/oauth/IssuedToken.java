package org.tributary.node.oauth;

import java.time.Instant;
import org.tributary.node.auth.Scopes;

/** A freshly issued bearer token, for the token response. */
public record IssuedToken(String accessToken, Scopes scopes, Instant createdAt) {
}
