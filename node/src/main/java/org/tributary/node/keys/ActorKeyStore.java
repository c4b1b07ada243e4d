package org.tributary.node.keys;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.Jdbc;

/** Actor keys in the {@code actor_keys} table: our own key pairs and the public keys of peers' actors. */
public final class ActorKeyStore {
    private static final String COLUMNS = "key_id, owner_uri, account_id, algorithm, public_pem, private_pem, fetched_at";

    /** Inserts or replaces the key with this id (peers rotate keys; the newest document wins). */
    public void upsert(Connection connection, ActorKey key) throws SQLException {
        String hash = Hashes.sha256Hex(key.keyId().toString());
        Jdbc.update(connection, "DELETE FROM actor_keys WHERE key_id_hash = ?", hash);
        Jdbc.update(connection, "INSERT INTO actor_keys (key_id_hash, " + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?)",
                hash, key.keyId(), key.owner(), key.accountId(), key.algorithm(), key.publicPem(), key.privatePem(),
                key.fetchedAt());
    }

    public Optional<ActorKey> find(Connection connection, URI keyId) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM actor_keys WHERE key_id_hash = ?",
                ActorKeyStore::map, Hashes.sha256Hex(keyId.toString()));
    }

    public List<ActorKey> ofAccount(Connection connection, long accountId) throws SQLException {
        return Jdbc.query(connection, "SELECT " + COLUMNS + " FROM actor_keys WHERE account_id = ? ORDER BY algorithm",
                ActorKeyStore::map, accountId);
    }

    private static ActorKey map(ResultSet row) throws SQLException {
        return new ActorKey(Jdbc.uri(row, "key_id"), Jdbc.uri(row, "owner_uri"), row.getLong("account_id"),
                KeyAlgorithm.valueOf(row.getString("algorithm").toUpperCase(java.util.Locale.ROOT)),
                row.getString("public_pem"), row.getString("private_pem"), Jdbc.instant(row, "fetched_at"));
    }
}
