package org.tributary.node.oauth;

import java.time.Instant;
import org.tributary.node.auth.Scopes;
import java.util.Optional;

/**
 * An issued authorization code, as stored (the code itself is known only to the client). It is bound
 * to one app, one account and one redirect URI; {@code codeChallenge} is the PKCE S256 challenge, if
 * the client sent one.
 */
public record AuthorizationCode(long appId, long accountId, String redirectUri, Scopes scopes,
        Optional<String> codeChallenge, Instant expiresAt, Optional<Instant> usedAt) {
}
