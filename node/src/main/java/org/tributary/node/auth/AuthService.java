package org.tributary.node.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.http.ApiException;
import org.tributary.node.store.Database;

/**
 * Checks employees' passwords, issues bearer tokens and resolves them back to accounts (or, for app-only
 * tokens, to apps).
 */
public final class AuthService {
    private final Database database;
    private final AccountStore accounts;
    private final CredentialStore credentials;
    private final TokenStore tokens;
    private final PasswordHasher hasher;
    private final SecureRandom random;
    private final Clock clock;

    public AuthService(Database database, AccountStore accounts, CredentialStore credentials, TokenStore tokens,
            PasswordHasher hasher, SecureRandom random, Clock clock) {
        this.database = database;
        this.accounts = accounts;
        this.credentials = credentials;
        this.tokens = tokens;
        this.hasher = hasher;
        this.random = random;
        this.clock = clock;
    }

    /** Checks a username and password and issues a new bearer token; one error for every failure. */
    public String login(String username, String password, String scopes) {
        Account account = verifyPassword(username, password)
                .orElseThrow(() -> new ApiException(400, "invalid_grant", "the username or password is wrong"));
        return issue(Optional.of(account.id()), Optional.empty(), Scopes.parse(scopes, Scopes.of("read")));
    }

    /** The employee with this username and password, unless either is wrong or the account is suspended. */
    public Optional<Account> verifyPassword(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<Account> account = database.inTransaction(connection -> accounts.findLocal(connection, username));
        if (account.isEmpty() || account.get().suspended()) {
            return Optional.empty();
        }
        Optional<String> stored = database.inTransaction(
                connection -> credentials.passwordHash(connection, account.get().id()));
        return stored.isPresent() && hasher.matches(password, stored.get()) ? account : Optional.empty();
    }

    /** Issues a new random bearer token for an account, an app, or both. */
    public String issue(Optional<Long> accountId, Optional<Long> appId, Scopes scopes) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        database.inTransactionVoid(connection -> tokens.insert(connection, token, accountId, appId, scopes.toString(),
                clock.instant()));
        return token;
    }

    /** The live token in an {@code Authorization: Bearer ...} header, for an account or an app. */
    public Optional<AccessToken> token(String authorizationHeader) {
        Optional<String> token = bearer(authorizationHeader);
        return token.isEmpty() ? Optional.empty()
                : database.inTransaction(connection -> tokens.find(connection, token.get()));
    }

    private static Optional<String> bearer(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorizationHeader.substring(7).strip());
    }

    /** The live token itself (for revocation), if it exists. */
    public Optional<AccessToken> lookup(String token) {
        return database.inTransaction(connection -> tokens.find(connection, token));
    }

    public void revoke(String token) {
        database.inTransactionVoid(connection -> tokens.revoke(connection, token, clock.instant()));
    }

    /** The account behind an {@code Authorization: Bearer ...} header, if the token is valid and has one. */
    public Optional<Account> authenticate(String authorizationHeader) {
        Optional<String> token = bearer(authorizationHeader);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        // Every authenticated request asks this: the token and its account in one transaction.
        return database.inTransaction(connection -> {
            Optional<Long> accountId = tokens.find(connection, token.get()).flatMap(AccessToken::accountId);
            return accountId.isEmpty() ? Optional.<Account>empty() : accounts.findById(connection, accountId.get());
        }).filter(account -> !account.suspended());
    }

    /** Like {@link #authenticate} but refuses with 401 when there is no valid token. */
    public Account require(String authorizationHeader) {
        return authenticate(authorizationHeader).orElseThrow(ApiException::unauthorized);
    }
}
