package org.tributary.node.auth;

import java.sql.Connection;
import java.sql.SQLException;
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
        Jdbc.update(connection, "INSERT INTO access_tokens (token_hash, account_id, scopes, created_at) VALUES (?,?,?,?)",
                Hashes.sha256Hex(token), accountId, scopes, now);
    }

    public Optional<Long> accountOf(Connection connection, String token) throws SQLException {
        return Jdbc.queryOne(connection,
                "SELECT account_id FROM access_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                row -> row.getLong(1), Hashes.sha256Hex(token));
    }

    public void revoke(Connection connection, String token, Instant now) throws SQLException {
        Jdbc.update(connection, "UPDATE access_tokens SET revoked_at = ? WHERE token_hash = ?", now,
                Hashes.sha256Hex(token));
    }
}
