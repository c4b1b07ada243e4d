package org.tributary.node.oauth;

import java.util.Optional;
import org.tributary.node.auth.Scopes;

/** A checked request for an authorization code: the app, where to send the code, what it may do. */
public record AuthorizationRequest(OAuthApp app, String redirectUri, Scopes scopes, Optional<String> state,
        Optional<String> codeChallenge) {

    public boolean isOutOfBand() {
        return RedirectUris.OUT_OF_BAND.equals(redirectUri);
    }
}
