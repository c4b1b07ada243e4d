package org.tributary.node.auth;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.Jdbc;

/**
 * Bearer tokens of the client API. Only a SHA-256 of each token is stored, so a copy of the database
 * does not hand out sessions.
 */
public final class TokenStore {

    public void insert(Connection connection, String token, long accountId, String scopes, Instant now)
            throws SQLException {
        insert(connection, token, Optional.of(accountId), Optional.empty(), scopes, now);
    }

    /** A token for an account, an app, or both (an app-only token has no account). */
    public void insert(Connection connection, String token, Optional<Long> accountId, Optional<Long> appId,
            String scopes, Instant now) throws SQLException {
        Jdbc.update(connection, "INSERT INTO access_tokens (token_hash, account_id, app_id, scopes, created_at) "
                + "VALUES (?,?,?,?,?)", Hashes.sha256Hex(token), orNull(accountId), orNull(appId), scopes, now);
    }

    public Optional<Long> accountOf(Connection connection, String token) throws SQLException {
        return Jdbc.queryOne(connection,
                "SELECT account_id FROM access_tokens WHERE token_hash = ? AND revoked_at IS NULL "
                        + "AND account_id IS NOT NULL",
                row -> row.getLong(1), Hashes.sha256Hex(token));
    }

    /** The live (not revoked) token, if there is one. */
    public Optional<AccessToken> find(Connection connection, String token) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT account_id, app_id, scopes FROM access_tokens WHERE token_hash = ? "
                + "AND revoked_at IS NULL", row -> {
                    long account = row.getLong("account_id");
                    Optional<Long> accountId = row.wasNull() ? Optional.empty() : Optional.of(account);
                    long app = row.getLong("app_id");
                    Optional<Long> appId = row.wasNull() ? Optional.empty() : Optional.of(app);
                    return new AccessToken(accountId, appId, Scopes.parse(row.getString("scopes"), Scopes.of("read")));
                }, Hashes.sha256Hex(token));
    }

    public void revoke(Connection connection, String token, Instant now) throws SQLException {
        Jdbc.update(connection, "UPDATE access_tokens SET revoked_at = ? WHERE token_hash = ?", now,
                Hashes.sha256Hex(token));
    }

    /** Revokes every live token of an account (suspension, password reset); returns how many. */
    public int revokeAll(Connection connection, long accountId, Instant now) throws SQLException {
        return Jdbc.update(connection, "UPDATE access_tokens SET revoked_at = ? WHERE account_id = ? "
                + "AND revoked_at IS NULL", now, accountId);
    }

    private static Object orNull(Optional<Long> id) {
        return id.isPresent() ? id.get() : Jdbc.nullOf(Types.BIGINT);
    }
}
