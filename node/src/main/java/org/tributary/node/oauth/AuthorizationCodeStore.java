package org.tributary.node.oauth;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.tributary.node.auth.Scopes;
import java.time.Instant;
import java.util.Optional;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.Jdbc;

/** Authorization codes in the {@code oauth_codes} table, keyed by the SHA-256 of the code. */
public final class AuthorizationCodeStore {

    public void insert(Connection connection, String code, AuthorizationCode issued, Instant now) throws SQLException {
        Jdbc.update(connection, "INSERT INTO oauth_codes (code_hash, app_id, account_id, redirect_uri, scopes, "
                + "code_challenge, created_at, expires_at) VALUES (?,?,?,?,?,?,?,?)", Hashes.sha256Hex(code),
                issued.appId(), issued.accountId(), issued.redirectUri(), issued.scopes().toString(),
                issued.codeChallenge().orElse(null), now, issued.expiresAt());
    }

    public Optional<AuthorizationCode> find(Connection connection, String code) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT app_id, account_id, redirect_uri, scopes, code_challenge, expires_at, "
                + "used_at FROM oauth_codes WHERE code_hash = ?", AuthorizationCodeStore::map, Hashes.sha256Hex(code));
    }

    /**
     * Marks a code used. Returns false when it already was: the conditional update makes two racing
     * exchanges of one code yield one token.
     */
    public boolean markUsed(Connection connection, String code, Instant now) throws SQLException {
        return Jdbc.update(connection, "UPDATE oauth_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
                now, Hashes.sha256Hex(code)) == 1;
    }

    /** Forgets codes that expired before {@code cutoff}; they can never be exchanged anyway. */
    public int deleteExpired(Connection connection, Instant cutoff) throws SQLException {
        return Jdbc.update(connection, "DELETE FROM oauth_codes WHERE expires_at < ?", cutoff);
    }

    private static AuthorizationCode map(ResultSet row) throws SQLException {
        return new AuthorizationCode(row.getLong("app_id"), row.getLong("account_id"), row.getString("redirect_uri"),
                Scopes.parse(row.getString("scopes"), Scopes.of("read")),
                Optional.ofNullable(row.getString("code_challenge")), Jdbc.instant(row, "expires_at"),
                Optional.ofNullable(Jdbc.instant(row, "used_at")));
    }
}
