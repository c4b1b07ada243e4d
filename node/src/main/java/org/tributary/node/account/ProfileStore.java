package org.tributary.node.account;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tributary.node.store.Jdbc;

/** Profiles in the {@code account_profiles} table; an account without a row has the empty profile. */
public final class ProfileStore {

    private static final String COLUMNS = "account_id, department, title, location, avatar_url, avatar_media_id";

    public Profile find(Connection connection, long accountId) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM account_profiles WHERE account_id = ?",
                ProfileStore::map, accountId).orElse(Profile.EMPTY);
    }

    /** The profiles of these accounts, by account id; an account without a row has the empty one. */
    public Map<Long, Profile> find(Connection connection, Collection<Long> accountIds) throws SQLException {
        Map<Long, Profile> profiles = new HashMap<>();
        Jdbc.queryIn(connection, "SELECT " + COLUMNS + " FROM account_profiles WHERE account_id IN (%s)", accountIds,
                row -> profiles.put(row.getLong("account_id"), map(row)));
        for (long id : accountIds) {
            profiles.putIfAbsent(id, Profile.EMPTY);
        }
        return profiles;
    }

    private static Profile map(ResultSet row) throws SQLException {
        long media = row.getLong("avatar_media_id");
        Optional<Long> mediaId = row.wasNull() ? Optional.empty() : Optional.of(media);
        return new Profile(row.getString("department"), row.getString("title"), row.getString("location"),
                Optional.ofNullable(Jdbc.uri(row, "avatar_url")), mediaId);
    }

    /** Whether an uploaded attachment is someone's profile picture (which everyone may then see). */
    public boolean isAvatar(Connection connection, long mediaId) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM account_profiles WHERE avatar_media_id = ?", mediaId) > 0;
    }

    public void save(Connection connection, long accountId, Profile profile, Instant now) throws SQLException {
        Object avatar = profile.avatar().map(URI::toString).map(Object.class::cast).orElse(Jdbc.nullOf(Types.VARCHAR));
        Object media = profile.avatarMediaId().map(Object.class::cast).orElse(Jdbc.nullOf(Types.BIGINT));
        int updated = Jdbc.update(connection, "UPDATE account_profiles SET department = ?, title = ?, location = ?, "
                + "avatar_url = ?, avatar_media_id = ?, updated_at = ? WHERE account_id = ?", profile.department(),
                profile.title(), profile.location(), avatar, media, now, accountId);
        if (updated == 0) {
            Jdbc.update(connection, "INSERT INTO account_profiles (account_id, department, title, location, avatar_url, "
                    + "avatar_media_id, updated_at) VALUES (?,?,?,?,?,?,?)", accountId, profile.department(),
                    profile.title(), profile.location(), avatar, media, now);
        }
    }
}
