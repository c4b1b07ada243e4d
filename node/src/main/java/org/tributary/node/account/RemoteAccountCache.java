package org.tributary.node.account;

import java.net.URI;
import java.util.Optional;
import org.tributary.node.store.ReadCache;

/**
 * Remote accounts by actor URI, as last read from the store, so that the inbox's handlers do not look the
 * sender up with a statement of its own for every activity (a twentieth of the node's CPU under benchmark 1).
 *
 * <p>Only {@link RemoteAccountService} writes remote account rows (a fetched or pushed actor document), and it
 * calls {@link #invalidate} once each write has committed; a read that raced with a write is not kept
 * ({@link ReadCache}). Local accounts are not kept: their rows change elsewhere (profile, suspension, role).
 */
final class RemoteAccountCache {
    private final ReadCache<URI, Account> accounts;

    RemoteAccountCache(int capacity) {
        this.accounts = new ReadCache<>(capacity);
    }

    Optional<Account> get(URI actor) {
        return accounts.get(actor);
    }

    /** To take before reading the store, and give to {@link #putIfCurrent} with what was read. */
    long generation() {
        return accounts.generation();
    }

    /** Keeps a remote {@code account}, read from the store at {@code readAt}, unless a write was invalidated since. */
    void putIfCurrent(URI actor, Account account, long readAt) {
        if (!account.isLocal()) {
            accounts.putIfCurrent(actor, account, readAt);
        }
    }

    /** After a committed write to a remote account: forget everything, and refuse rows read before now. */
    void invalidate() {
        accounts.invalidate();
    }

    int size() {
        return accounts.size();
    }
}
