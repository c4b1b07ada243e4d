package org.tributary.node.account;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.node.audit.AuditKinds;
import org.tributary.node.audit.AuditRecord;
import org.tributary.node.audit.AuditTrail;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.node.auth.CredentialStore;
import org.tributary.node.auth.PasswordHasher;
import org.tributary.node.config.LocalUris;
import org.tributary.node.http.ApiException;
import org.tributary.node.keys.ActorKey;
import org.tributary.node.keys.ActorKeyStore;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;

/** Creates and looks up this node's own accounts: employees, and the instance actor. */
public final class AccountService {
    // A leading underscore is reserved for the node's own actors (the instance actor is "_instance").
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_]{0,29}");
    private static final int MIN_PASSWORD_LENGTH = 8;

    private final Database database;
    private final AccountStore accounts;
    private final ActorKeyStore keys;
    private final CredentialStore credentials;
    private final PasswordHasher hasher;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;
    private final AccountChanges changes;
    private final AuditTrail trail;

    /** @param trail where account creation is logged (the audit log) */
    public AccountService(Database database, AccountStore accounts, ActorKeyStore keys, CredentialStore credentials,
            PasswordHasher hasher, LocalUris uris, IdGenerator ids, Clock clock, AuditTrail trail,
            AccountChanges changes) {
        this.trail = trail;
        this.changes = changes;
        this.database = database;
        this.accounts = accounts;
        this.keys = keys;
        this.credentials = credentials;
        this.hasher = hasher;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    /** Creates an employee with an RSA and an Ed25519 key pair; refuses taken or invalid usernames. */
    public Account createEmployee(String username, String password, String displayName, Role role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("invalid_username", "usernames are 1-30 characters of lower-case "
                    + "letters, digits and underscores, starting with a letter or digit");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw ApiException.badRequest("weak_password", "passwords need at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        String passwordHash = hasher.hash(password);
        Account account = create(username, displayName, role, passwordHash);
        trail.record(AuditRecord.of(clock.instant(), AuditDirection.LOCAL, AuditKinds.ADMIN_ACCOUNT)
                .withActivity("", "create-account", "", account.uri().toString())
                .withResult("created:" + role.name().toLowerCase(java.util.Locale.ROOT)));
        changes.changed(account.id());
        return account;
    }

    /** Creates the instance actor once; it signs the node's own fetches. Returns it either way. */
    public Account ensureInstanceActor() {
        return findLocal(LocalUris.INSTANCE_ACTOR_USERNAME)
                .orElseGet(() -> create(LocalUris.INSTANCE_ACTOR_USERNAME, uris.base().getHost(), Role.EMPLOYEE, null));
    }

    private Account create(String username, String displayName, Role role, String passwordHash) {
        KeyPair rsa = KeyCodec.generate(KeyAlgorithm.RSA);
        KeyPair ed25519 = KeyCodec.generate(KeyAlgorithm.ED25519);
        Instant now = clock.instant();
        Account account = new Account(ids.next(), username, "", uris.actor(username),
                displayName == null || displayName.isBlank() ? username : displayName, "", uris.inbox(username),
                uris.sharedInbox(), uris.followers(username), false, role, false, now);
        return database.inTransaction(connection -> {
            if (accounts.findLocal(connection, username).isPresent()) {
                throw new ApiException(409, "username_taken", "the username " + username + " is taken");
            }
            accounts.insert(connection, account);
            if (passwordHash != null) {
                credentials.set(connection, account.id(), passwordHash, now);
            }
            keys.upsert(connection, new ActorKey(uris.rsaKeyId(username), account.uri(), account.id(),
                    KeyAlgorithm.RSA, KeyCodec.encodePublicKeyPem(rsa.getPublic()), KeyCodec.encodePrivateKeyPem(rsa.getPrivate()), now));
            keys.upsert(connection, new ActorKey(uris.ed25519KeyId(username), account.uri(), account.id(),
                    KeyAlgorithm.ED25519, KeyCodec.encodePublicKeyPem(ed25519.getPublic()), KeyCodec.encodePrivateKeyPem(ed25519.getPrivate()),
                    now));
            return account;
        });
    }

    public Optional<Account> findLocal(String username) {
        return database.inTransaction(connection -> accounts.findLocal(connection, username));
    }

    /** An employee of this node by username (never the instance actor). */
    public Optional<Account> findEmployee(String username) {
        return findLocal(username).filter(account -> !account.isInstanceActor());
    }

    public Optional<Account> findById(long id) {
        return database.inTransaction(connection -> accounts.findById(connection, id));
    }

    /** A known account (local or cached remote) by its actor URI. */
    public Optional<Account> findByUri(java.net.URI uri) {
        return database.inTransaction(connection -> accounts.findByUri(connection, uri));
    }

    /** Employees of this node, without the instance actor. */
    public List<Account> listEmployees() {
        return database.inTransaction(accounts::listLocal).stream()
                .filter(account -> !account.isInstanceActor()).toList();
    }

    public List<ActorKey> keysOf(Account account) {
        return database.inTransaction(connection -> keys.ofAccount(connection, account.id()));
    }
}
