package org.tributary.node.api;

import java.util.List;

/**
 * A client application as Mastodon returns it. {@code clientSecret} is present only in the
 * registration response; {@code vapidKey} is null because the node has no Web Push.
 */
public record AppDto(String id, String name, String website, List<String> scopes, String redirectUri,
        List<String> redirectUris, String clientId, String clientSecret, Long clientSecretExpiresAt,
        String vapidKey) {
}
