package org.tributary.node.auth;

import java.util.Optional;

/**
 * What a bearer token stands for: an employee (absent for app-only tokens from the client credentials
 * grant), the app it was issued to (absent for tokens issued without a client) and its scopes.
 */
public record AccessToken(Optional<Long> accountId, Optional<Long> appId, Scopes scopes) {
}
