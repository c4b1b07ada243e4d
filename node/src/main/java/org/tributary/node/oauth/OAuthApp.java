package org.tributary.node.oauth;

import java.net.URI;
import java.time.Instant;
import org.tributary.node.auth.Scopes;
import java.util.List;

/** A registered client application. Its secret is not here: only its hash is ever stored. */
public record OAuthApp(long id, String name, URI website, List<String> redirectUris, Scopes scopes,
        String clientId, Instant createdAt) {
    public OAuthApp {
        redirectUris = List.copyOf(redirectUris);
    }

    public boolean allowsRedirect(String redirectUri) {
        return redirectUri != null && redirectUris.contains(redirectUri);
    }
}
