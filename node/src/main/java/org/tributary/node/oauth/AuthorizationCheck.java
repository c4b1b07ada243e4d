package org.tributary.node.oauth;

import java.util.Optional;

/** The outcome of checking an authorization request, before the employee logs in. */
public sealed interface AuthorizationCheck {

    /** Everything is in order: show the login form. */
    record Valid(AuthorizationRequest request) implements AuthorizationCheck {
    }

    /**
     * The client or its redirect URI cannot be trusted, so the error is shown to the employee and never
     * sent anywhere (RFC 6749 §4.1.2.1).
     */
    record Refused(String code, String message) implements AuthorizationCheck {
    }

    /** The client is known but asked for something wrong: the error goes back to its redirect URI. */
    record RedirectError(String redirectUri, Optional<String> state, String error, String message)
            implements AuthorizationCheck {
    }
}
