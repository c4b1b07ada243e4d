package org.tributary.node.oauth;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.tributary.node.auth.Scopes;
import java.util.Arrays;
import java.util.Optional;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.Jdbc;

/** Registered client applications in the {@code oauth_apps} table. */
public final class AppStore {
    private static final String COLUMNS = "id, name, website, redirect_uris, scopes, client_id, created_at";

    public void insert(Connection connection, OAuthApp app, String clientSecret) throws SQLException {
        Jdbc.update(connection, "INSERT INTO oauth_apps (" + COLUMNS + ", client_secret_hash) VALUES (?,?,?,?,?,?,?,?)",
                app.id(), app.name(), app.website(), String.join("\n", app.redirectUris()), app.scopes().toString(),
                app.clientId(), app.createdAt(), Hashes.sha256Hex(clientSecret));
    }

    public Optional<OAuthApp> findById(Connection connection, long id) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM oauth_apps WHERE id = ?", AppStore::map, id);
    }

    public Optional<OAuthApp> findByClientId(Connection connection, String clientId) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM oauth_apps WHERE client_id = ?", AppStore::map,
                clientId);
    }

    /** The stored hash of the app's secret, compared by the caller in constant time. */
    public Optional<String> secretHash(Connection connection, long appId) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT client_secret_hash FROM oauth_apps WHERE id = ?",
                row -> row.getString(1), appId);
    }

    private static OAuthApp map(ResultSet row) throws SQLException {
        String website = row.getString("website");
        return new OAuthApp(row.getLong("id"), row.getString("name"), website == null ? null : URI.create(website),
                Arrays.asList(row.getString("redirect_uris").split("\n")),
                Scopes.parse(row.getString("scopes"), Scopes.of("read")), row.getString("client_id"),
                Jdbc.instant(row, "created_at"));
    }
}
