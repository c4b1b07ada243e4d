package org.tributary.node.account;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.Jdbc;

/** Accounts, local and remote, in the {@code accounts} table. */
public final class AccountStore {
    private static final String COLUMNS = "id, username, authority, uri, display_name, summary, inbox_uri, "
            + "shared_inbox_uri, followers_uri, locked, role, suspended, created_at";

    public void insert(Connection connection, Account account) throws SQLException {
        Jdbc.update(connection, "INSERT INTO accounts (" + COLUMNS + ", uri_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                account.id(), account.username(), account.authority(), account.uri(), account.displayName(),
                account.summary(), account.inbox(), account.sharedInbox(), account.followers(), account.locked(),
                account.role(), account.suspended(), account.createdAt(), Hashes.sha256Hex(account.uri().toString()));
    }

    /** Refreshes what a remote actor document says about an account we already know. */
    public void updateRemote(Connection connection, Account account, java.time.Instant fetchedAt) throws SQLException {
        Jdbc.update(connection, "UPDATE accounts SET username = ?, display_name = ?, summary = ?, inbox_uri = ?, "
                + "shared_inbox_uri = ?, followers_uri = ?, locked = ?, fetched_at = ? WHERE id = ?",
                account.username(), account.displayName(), account.summary(), account.inbox(), account.sharedInbox(),
                account.followers(), account.locked(), fetchedAt, account.id());
    }

    /** Sets what an employee says about themselves; {@code summaryHtml} is already safe HTML. */
    public void updateProfile(Connection connection, long id, String displayName, String summaryHtml)
            throws SQLException {
        Jdbc.update(connection, "UPDATE accounts SET display_name = ?, summary = ? WHERE id = ? AND authority = ''",
                displayName, summaryHtml, id);
    }

    /** Whether an employee approves followers one by one (Mastodon's "locked"). */
    public void setLocked(Connection connection, long id, boolean locked) throws SQLException {
        Jdbc.update(connection, "UPDATE accounts SET locked = ? WHERE id = ? AND authority = ''", locked, id);
    }

    public Optional<Account> findById(Connection connection, long id) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM accounts WHERE id = ?", AccountStore::map, id);
    }

    /** The accounts with these ids, by id; an unknown id is missing from the map. */
    public Map<Long, Account> findByIds(Connection connection, Collection<Long> ids) throws SQLException {
        Map<Long, Account> found = new HashMap<>();
        for (Account account : Jdbc.queryIn(connection, "SELECT " + COLUMNS + " FROM accounts WHERE id IN (%s)", ids,
                AccountStore::map)) {
            found.put(account.id(), account);
        }
        return found;
    }

    public Optional<Account> findByUri(Connection connection, URI uri) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM accounts WHERE uri_hash = ?", AccountStore::map,
                Hashes.sha256Hex(uri.toString()));
    }

    public Optional<Account> findLocal(Connection connection, String username) throws SQLException {
        return findByHandle(connection, username, "");
    }

    public Optional<Account> findByHandle(Connection connection, String username, String authority)
            throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM accounts WHERE username = ? AND authority = ?",
                AccountStore::map, username, authority);
    }

    public List<Account> listLocal(Connection connection) throws SQLException {
        return Jdbc.query(connection, "SELECT " + COLUMNS + " FROM accounts WHERE authority = '' ORDER BY username",
                AccountStore::map);
    }

    /**
     * One remote account (the first known) per peer node: enough to reach each node's shared inbox.
     * Suspended ones are skipped.
     */
    public List<Account> oneRemotePerAuthority(Connection connection) throws SQLException {
        return Jdbc.query(connection, "SELECT " + COLUMNS + " FROM accounts WHERE id IN (SELECT MIN(id) FROM accounts "
                + "WHERE authority <> '' AND suspended = FALSE GROUP BY authority)", AccountStore::map);
    }

    /** Suspends or restores an account; returns whether it exists. */
    public boolean setSuspended(Connection connection, long id, boolean suspended) throws SQLException {
        return Jdbc.update(connection, "UPDATE accounts SET suspended = ? WHERE id = ?", suspended, id) == 1;
    }

    /** Changes a local account's role; returns whether it exists. */
    public boolean setRole(Connection connection, long id, Role role) throws SQLException {
        return Jdbc.update(connection, "UPDATE accounts SET role = ? WHERE id = ? AND authority = ''", role, id) == 1;
    }

    /** Every account, local first, in id order from {@code afterId}; for the admin list and the index. */
    public List<Account> list(Connection connection, boolean localOnly, long afterId, int limit) throws SQLException {
        return Jdbc.query(connection, "SELECT " + COLUMNS + " FROM accounts WHERE id > ? "
                + (localOnly ? "AND authority = '' " : "") + "ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
                AccountStore::map, afterId);
    }

    public long countLocal(Connection connection) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM accounts WHERE authority = ''");
    }

    private static Account map(ResultSet row) throws SQLException {
        return new Account(row.getLong("id"), row.getString("username"), row.getString("authority"),
                Jdbc.uri(row, "uri"), row.getString("display_name"), row.getString("summary"),
                Jdbc.uri(row, "inbox_uri"), Jdbc.uri(row, "shared_inbox_uri"), Jdbc.uri(row, "followers_uri"),
                row.getBoolean("locked"), Role.parse(row.getString("role")), row.getBoolean("suspended"),
                Jdbc.instant(row, "created_at"));
    }
}
