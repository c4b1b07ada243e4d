package org.tributary.node.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AccessToken;
import org.tributary.node.auth.AuthService;
import org.tributary.node.auth.Scopes;
import org.tributary.node.store.Database;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.IdGenerator;

/** Apps, authorization codes and the token grants, with every check OAuth 2 and PKCE ask for. */
public final class OAuthService {
    /** Mastodon's lifetime for authorization codes; a code is meant to be exchanged within seconds. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    /** Mastodon's default when an app or a token request names no scope. */
    public static final Scopes DEFAULT_SCOPES = Scopes.of("read");
    /** What the password grant has always issued when no scope is named (scripts and the demo rely on it). */
    public static final Scopes PASSWORD_GRANT_SCOPES = Scopes.of("read", "write", "follow");

    private final Database database;
    private final AppStore apps;
    private final AuthorizationCodeStore codes;
    private final AuthService auth;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;

    public OAuthService(Database database, AppStore apps, AuthorizationCodeStore codes, AuthService auth,
            IdGenerator ids, SecureRandom random, Clock clock) {
        this.database = database;
        this.apps = apps;
        this.codes = codes;
        this.auth = auth;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    /** Registers a client application ({@code POST /api/v1/apps}). */
    public RegisteredApp register(String name, String redirectUris, String scopes, String website) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new OAuthException(422, "invalid_request", "invalid_client_name",
                    "client_name is required and at most 200 characters");
        }
        List<String> uris;
        try {
            uris = RedirectUris.parse(redirectUris);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(422, "invalid_request", "invalid_redirect_uri", e.getMessage());
        }
        Scopes granted = parseScopes(scopes, DEFAULT_SCOPES);
        OAuthApp app = new OAuthApp(ids.next(), name.strip(), website(website), uris, granted, randomToken(),
                clock.instant());
        String secret = randomToken();
        database.inTransactionVoid(connection -> apps.insert(connection, app, secret));
        return new RegisteredApp(app, secret);
    }

    public Optional<OAuthApp> app(long id) {
        return database.inTransaction(connection -> apps.findById(connection, id));
    }

    /** Checks {@code GET /oauth/authorize}'s parameters before any login form is shown. */
    public AuthorizationCheck checkAuthorization(String responseType, String clientId, String redirectUri,
            String scope, String state, String codeChallenge, String codeChallengeMethod) {
        Optional<OAuthApp> found = clientId == null ? Optional.empty()
                : database.inTransaction(connection -> apps.findByClientId(connection, clientId));
        if (found.isEmpty()) {
            return new AuthorizationCheck.Refused("invalid_client", "This application is not known to this node.");
        }
        OAuthApp app = found.get();
        String target = redirectUri == null && app.redirectUris().size() == 1 ? app.redirectUris().get(0) : redirectUri;
        if (!app.allowsRedirect(target)) {
            return new AuthorizationCheck.Refused("redirect_uri_mismatch",
                    "The redirect URI is not one this application registered.");
        }
        Optional<String> keptState = Optional.ofNullable(state).filter(value -> !value.isEmpty());
        if (!"code".equals(responseType)) {
            return new AuthorizationCheck.RedirectError(target, keptState, "unsupported_response_type",
                    "only response_type=code is supported");
        }
        Scopes scopes;
        try {
            scopes = Scopes.parse(scope, DEFAULT_SCOPES);
        } catch (IllegalArgumentException e) {
            return new AuthorizationCheck.RedirectError(target, keptState, "invalid_scope", e.getMessage());
        }
        if (!scopes.isWithin(app.scopes())) {
            return new AuthorizationCheck.RedirectError(target, keptState, "invalid_scope",
                    "the requested scopes exceed those the application registered");
        }
        if (codeChallenge != null && !codeChallenge.isEmpty()) {
            if (!"S256".equals(codeChallengeMethod) || !Pkce.isWellFormedChallenge(codeChallenge)) {
                return new AuthorizationCheck.RedirectError(target, keptState, "invalid_request",
                        "code_challenge must be a base64url SHA-256 with code_challenge_method=S256");
            }
        } else if (codeChallengeMethod != null && !codeChallengeMethod.isEmpty()) {
            return new AuthorizationCheck.RedirectError(target, keptState, "invalid_request",
                    "code_challenge_method without code_challenge");
        }
        Optional<String> challenge = Optional.ofNullable(codeChallenge).filter(value -> !value.isEmpty());
        return new AuthorizationCheck.Valid(new AuthorizationRequest(app, target, scopes, keptState, challenge));
    }

    /** Issues a single-use authorization code for an employee who has just logged in. */
    public String issueCode(AuthorizationRequest request, Account account) {
        String code = randomToken();
        Instant now = clock.instant();
        AuthorizationCode issued = new AuthorizationCode(request.app().id(), account.id(), request.redirectUri(),
                request.scopes(), request.codeChallenge(), now.plus(CODE_LIFETIME), Optional.empty());
        database.inTransactionVoid(connection -> {
            codes.deleteExpired(connection, now);
            codes.insert(connection, code, issued, now);
        });
        return code;
    }

    /** {@code POST /oauth/token}: one of the three grants. */
    public IssuedToken token(TokenRequest request) {
        String grant = request.grantType();
        if (grant == null || grant.isBlank()) {
            throw OAuthException.invalidRequest("grant_type is required");
        }
        return switch (grant) {
            case "authorization_code" -> authorizationCode(request);
            case "client_credentials" -> clientCredentials(request);
            case "password" -> password(request);
            default -> throw new OAuthException(400, "unsupported_grant_type", "unsupported_grant_type",
                    "supported grant types: authorization_code, client_credentials, password");
        };
    }

    /**
     * {@code POST /oauth/revoke} (RFC 7009): the client must authenticate and may revoke only tokens
     * issued to it (or issued to no app). An unknown token is not an error.
     */
    public void revoke(String clientId, String clientSecret, String token) {
        OAuthApp app = authenticateClient(clientId, clientSecret);
        if (token == null || token.isBlank()) {
            throw OAuthException.invalidRequest("token is required");
        }
        Optional<AccessToken> found = auth.lookup(token);
        if (found.isEmpty()) {
            return;
        }
        if (found.get().appId().isPresent() && found.get().appId().get() != app.id()) {
            throw new OAuthException(403, "unauthorized_client", "unauthorized_client",
                    "the token was issued to another client");
        }
        auth.revoke(token);
    }

    private IssuedToken authorizationCode(TokenRequest request) {
        OAuthApp app = authenticateClient(request.clientId(), request.clientSecret());
        String code = request.code();
        if (code == null || code.isBlank()) {
            throw OAuthException.invalidRequest("code is required");
        }
        Instant now = clock.instant();
        AuthorizationCode issued = database.inTransaction(connection -> {
            AuthorizationCode stored = codes.find(connection, code).filter(found -> found.appId() == app.id())
                    .orElseThrow(() -> OAuthException.invalidGrant("invalid_grant",
                            "the authorization code is not valid for this client"));
            if (stored.usedAt().isPresent()) {
                throw OAuthException.invalidGrant("code_already_used", "the authorization code was already used");
            }
            if (!now.isBefore(stored.expiresAt())) {
                throw OAuthException.invalidGrant("code_expired", "the authorization code has expired");
            }
            if (!stored.redirectUri().equals(request.redirectUri())) {
                throw OAuthException.redirectMismatch();
            }
            checkVerifier(stored, request.codeVerifier());
            if (!codes.markUsed(connection, code, now)) {
                throw OAuthException.invalidGrant("code_already_used", "the authorization code was already used");
            }
            return stored;
        });
        return issue(Optional.of(issued.accountId()), Optional.of(app.id()), issued.scopes());
    }

    private IssuedToken clientCredentials(TokenRequest request) {
        OAuthApp app = authenticateClient(request.clientId(), request.clientSecret());
        Scopes scopes = withinApp(parseScopes(request.scope(), DEFAULT_SCOPES), app);
        return issue(Optional.empty(), Optional.of(app.id()), scopes);
    }

    private IssuedToken password(TokenRequest request) {
        Optional<OAuthApp> app = request.clientId() == null || request.clientId().isEmpty() ? Optional.empty()
                : Optional.of(authenticateClient(request.clientId(), request.clientSecret()));
        Scopes scopes = parseScopes(request.scope(), app.map(OAuthApp::scopes).orElse(PASSWORD_GRANT_SCOPES));
        if (app.isPresent()) {
            withinApp(scopes, app.get());
        }
        Account account = auth.verifyPassword(request.username(), request.password())
                .orElseThrow(() -> OAuthException.invalidGrant("invalid_grant", "the username or password is wrong"));
        return issue(Optional.of(account.id()), app.map(OAuthApp::id), scopes);
    }

    private static void checkVerifier(AuthorizationCode stored, String verifier) {
        if (stored.codeChallenge().isEmpty()) {
            if (verifier != null && !verifier.isEmpty()) {
                // OAuth 2.1: a verifier for a code issued without a challenge means something is mixed up.
                throw OAuthException.invalidGrant("pkce_verification_failed",
                        "a code_verifier was sent but the code was issued without a code_challenge");
            }
            return;
        }
        if (!Pkce.verifies(verifier, stored.codeChallenge().get())) {
            throw OAuthException.invalidGrant("pkce_verification_failed",
                    "the code_verifier does not match the code_challenge");
        }
    }

    private OAuthApp authenticateClient(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null) {
            throw OAuthException.invalidClient();
        }
        Optional<OAuthApp> app = database.inTransaction(connection -> apps.findByClientId(connection, clientId));
        Optional<String> hash = app.isEmpty() ? Optional.empty()
                : database.inTransaction(connection -> apps.secretHash(connection, app.get().id()));
        byte[] expected = hash.orElse("").getBytes(StandardCharsets.US_ASCII);
        byte[] given = Hashes.sha256Hex(clientSecret).getBytes(StandardCharsets.US_ASCII);
        if (app.isEmpty() || !MessageDigest.isEqual(expected, given)) {
            throw OAuthException.invalidClient();
        }
        return app.get();
    }

    private IssuedToken issue(Optional<Long> accountId, Optional<Long> appId, Scopes scopes) {
        return new IssuedToken(auth.issue(accountId, appId, scopes), scopes, clock.instant());
    }

    private static Scopes withinApp(Scopes scopes, OAuthApp app) {
        if (!scopes.isWithin(app.scopes())) {
            throw OAuthException.invalidScope("the requested scopes exceed those the application registered");
        }
        return scopes;
    }

    private static Scopes parseScopes(String text, Scopes fallback) {
        try {
            return Scopes.parse(text, fallback);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidScope(e.getMessage());
        }
    }

    private static URI website(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(website.strip());
            if (uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme())
                    || "http".equalsIgnoreCase(uri.getScheme())) && website.length() <= 2000) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // falls through to the refusal below
        }
        throw new OAuthException(422, "invalid_request", "invalid_website", "website must be an http(s) URL");
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
