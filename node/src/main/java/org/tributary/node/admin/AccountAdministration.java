package org.tributary.node.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountChanges;
import org.tributary.node.account.AccountService;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.Role;
import org.tributary.node.auth.CredentialStore;
import org.tributary.node.auth.PasswordHasher;
import org.tributary.node.auth.TokenStore;
import org.tributary.node.http.ApiException;
import org.tributary.node.store.Database;

/**
 * Account administration, shared by the admin API and the CLI: create, suspend, restore, reset a
 * password, change a role. Every change is recorded in the {@link AdminActionLog} before it is reported
 * done. A suspension revokes the account's tokens (so they stay dead after a restore) and, with the
 * suspended flag, stops logins and makes the actor document answer 410 to peers.
 */
public final class AccountAdministration {
    /** Admin listing pages. */
    public static final int MAX_PAGE = 200;

    private final Database database;
    private final AccountStore accounts;
    private final AccountService accountService;
    private final CredentialStore credentials;
    private final TokenStore tokens;
    private final PasswordHasher hasher;
    private final SecureRandom random;
    private final AccountChanges changes;
    private final AdminActionLog log;
    private final Clock clock;

    public AccountAdministration(Database database, AccountStore accounts, AccountService accountService,
            CredentialStore credentials, TokenStore tokens, PasswordHasher hasher, SecureRandom random,
            AccountChanges changes, AdminActionLog log, Clock clock) {
        this.database = database;
        this.accounts = accounts;
        this.accountService = accountService;
        this.credentials = credentials;
        this.tokens = tokens;
        this.hasher = hasher;
        this.random = random;
        this.changes = changes;
        this.log = log;
        this.clock = clock;
    }

    /** An account created with a password; {@code generated} tells whether the password was made up here. */
    public record Created(Account account, String password, boolean generated) {
    }

    /** Accounts in id order after {@code afterId}: this node's only, or every known one. */
    public List<Account> list(boolean localOnly, long afterId, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return database.inTransaction(connection -> accounts.list(connection, localOnly, afterId, size)).stream()
                .filter(account -> !account.isInstanceActor()).toList();
    }

    public Account show(long id) {
        return database.inTransaction(connection -> accounts.findById(connection, id))
                .filter(account -> !account.isInstanceActor())
                .orElseThrow(() -> ApiException.notFound("account"));
    }

    /** Creates an employee; without a password, a random one is made and returned once. */
    public Created create(String actor, String username, String password, String displayName, Role role) {
        boolean generate = password == null || password.isBlank();
        String secret = generate ? randomPassword() : password;
        Account account = accountService.createEmployee(username, secret, displayName, role);
        log.record(new AdminAction(actor, "account.create", account.uri().toString(),
                "role=" + role.name().toLowerCase(java.util.Locale.ROOT)));
        changes.changed(account.id());
        return new Created(account, secret, generate);
    }

    public Account suspend(String actor, long id) {
        Account account = local(id);
        if (account.uri().toString().equals(actor)) {
            throw new ApiException(422, "cannot_suspend_self", "an admin cannot suspend their own account");
        }
        Account suspended = database.inTransaction(connection -> {
            accounts.setSuspended(connection, id, true);
            tokens.revokeAll(connection, id, clock.instant());
            return accounts.findById(connection, id).orElseThrow();
        });
        log.record(new AdminAction(actor, "account.suspend", account.uri().toString(), "tokens revoked"));
        changes.changed(id);
        return suspended;
    }

    public Account unsuspend(String actor, long id) {
        Account account = local(id);
        Account restored = database.inTransaction(connection -> {
            accounts.setSuspended(connection, id, false);
            return accounts.findById(connection, id).orElseThrow();
        });
        log.record(new AdminAction(actor, "account.unsuspend", account.uri().toString(), ""));
        changes.changed(id);
        return restored;
    }

    /** Sets a new random password, revokes every token, and returns the password (shown once). */
    public String resetPassword(String actor, long id) {
        Account account = local(id);
        String password = randomPassword();
        String hash = hasher.hash(password);
        database.inTransactionVoid(connection -> {
            credentials.set(connection, id, hash, clock.instant());
            tokens.revokeAll(connection, id, clock.instant());
        });
        log.record(new AdminAction(actor, "account.reset-password", account.uri().toString(), "tokens revoked"));
        return password;
    }

    public Account setRole(String actor, long id, Role role) {
        Account account = local(id);
        if (account.uri().toString().equals(actor) && role != Role.ADMIN) {
            throw new ApiException(422, "cannot_demote_self", "an admin cannot take away their own admin role");
        }
        Account changed = database.inTransaction(connection -> {
            accounts.setRole(connection, id, role);
            return accounts.findById(connection, id).orElseThrow();
        });
        log.record(new AdminAction(actor, "account.role", account.uri().toString(),
                account.role().name().toLowerCase(java.util.Locale.ROOT) + " -> "
                        + role.name().toLowerCase(java.util.Locale.ROOT)));
        return changed;
    }

    /** An employee of this node by username, for the CLI. */
    public Account byUsername(String username) {
        return accountService.findEmployee(username).orElseThrow(() -> ApiException.notFound("account"));
    }

    private Account local(long id) {
        Account account = show(id);
        if (!account.isLocal()) {
            throw new ApiException(422, "not_local", "only this node's own accounts can be administered here");
        }
        return account;
    }

    private String randomPassword() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
