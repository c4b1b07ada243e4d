package org.tributary.node.auth;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.tributary.node.store.Jdbc;

/** Password hashes of local accounts. */
public final class CredentialStore {

    public void set(Connection connection, long accountId, String passwordHash, Instant now) throws SQLException {
        Jdbc.update(connection, "DELETE FROM credentials WHERE account_id = ?", accountId);
        Jdbc.update(connection, "INSERT INTO credentials (account_id, password_hash, updated_at) VALUES (?,?,?)",
                accountId, passwordHash, now);
    }

    public Optional<String> passwordHash(Connection connection, long accountId) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT password_hash FROM credentials WHERE account_id = ?",
                row -> row.getString(1), accountId);
    }
}
