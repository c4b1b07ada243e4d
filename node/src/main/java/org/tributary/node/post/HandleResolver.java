package org.tributary.node.post;

import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.http.ApiException;
import org.tributary.node.store.Database;

/**
 * Resolves typed mentions: {@code @user} and {@code @user@<this node>} to an employee here,
 * {@code @user@host:port} by WebFinger on an allowlisted peer. A handle that cannot be resolved (no such
 * person, a node that is not a peer, a peer that does not answer) is not a mention; the text stays as typed.
 */
public final class HandleResolver implements MentionResolver {
    private final Database database;
    private final AccountStore accounts;
    private final RemoteAccountService remoteAccounts;
    private final LocalUris uris;

    public HandleResolver(Database database, AccountStore accounts, RemoteAccountService remoteAccounts,
            LocalUris uris) {
        this.database = database;
        this.accounts = accounts;
        this.remoteAccounts = remoteAccounts;
        this.uris = uris;
    }

    @Override
    public Optional<Account> resolve(String username, String authority) {
        if (authority == null || authority.equalsIgnoreCase(uris.base().getAuthority())) {
            if (username.equals(LocalUris.INSTANCE_ACTOR_USERNAME)) {
                return Optional.empty();
            }
            return database.inTransaction(connection -> accounts.findLocal(connection, username));
        }
        try {
            return Optional.of(remoteAccounts.byHandle(username + "@" + authority));
        } catch (ApiException unresolvable) {
            return Optional.empty();
        }
    }
}
