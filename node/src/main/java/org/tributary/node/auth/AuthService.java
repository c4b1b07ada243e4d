package org.tributary.node.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.http.ApiException;
import org.tributary.node.store.Database;

/** Logs employees in with their password and resolves bearer tokens back to accounts. */
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
        ApiException refused = new ApiException(400, "invalid_grant", "the username or password is wrong");
        if (username == null || password == null) {
            throw refused;
        }
        Account account = database.inTransaction(connection -> accounts.findLocal(connection, username))
                .orElseThrow(() -> refused);
        String stored = database.inTransaction(connection -> credentials.passwordHash(connection, account.id()))
                .orElseThrow(() -> refused);
        if (account.suspended() || !hasher.matches(password, stored)) {
            throw refused;
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        database.inTransactionVoid(connection -> tokens.insert(connection, token, account.id(), scopes, clock.instant()));
        return token;
    }

    /** The account behind an {@code Authorization: Bearer ...} header, if the token is valid. */
    public Optional<Account> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorizationHeader.substring(7).strip();
        return database.inTransaction(connection -> {
            Optional<Long> accountId = tokens.accountOf(connection, token);
            return accountId.isEmpty() ? Optional.<Account>empty() : accounts.findById(connection, accountId.get());
        }).filter(account -> !account.suspended());
    }

    /** Like {@link #authenticate} but refuses with 401 when there is no valid token. */
    public Account require(String authorizationHeader) {
        return authenticate(authorizationHeader).orElseThrow(ApiException::unauthorized);
    }
}
