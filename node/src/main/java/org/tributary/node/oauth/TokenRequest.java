package org.tributary.node.oauth;

/**
 * A request to {@code POST /oauth/token}, whatever its encoding. Fields a grant does not use are null.
 * The client may authenticate in the body or with HTTP Basic; the caller has merged both into
 * {@code clientId}/{@code clientSecret}.
 */
public record TokenRequest(String grantType, String clientId, String clientSecret, String code, String redirectUri,
        String codeVerifier, String username, String password, String scope) {
}
