package org.tributary.node.account;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remote accounts by actor URI, as last read from the store, so that the inbox's handlers do not look the
 * sender up with a statement of its own for every activity (a twentieth of the node's CPU under benchmark 1).
 *
 * <p>Only {@link RemoteAccountService} writes remote account rows (a fetched or pushed actor document), and it
 * calls {@link #invalidate} once each write has committed. A read that raced with a write must not put the
 * older row back afterwards: each read takes the {@link #generation} before it asks the store, and its row is
 * kept only if no write has been invalidated since. Bounded, least recently used first out.
 */
final class RemoteAccountCache {
    private final int capacity;
    private final Map<URI, Account> accounts;
    private long generation;

    RemoteAccountCache(int capacity) {
        this.capacity = capacity;
        this.accounts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<URI, Account> eldest) {
                return size() > RemoteAccountCache.this.capacity;
            }
        };
    }

    synchronized Optional<Account> get(URI actor) {
        return Optional.ofNullable(accounts.get(actor));
    }

    /** To take before reading the store, and give to {@link #putIfCurrent} with what was read. */
    synchronized long generation() {
        return generation;
    }

    /** Keeps {@code account}, read from the store at {@code readAt}, unless a write was invalidated since. */
    synchronized void putIfCurrent(URI actor, Account account, long readAt) {
        if (readAt == generation && !account.isLocal()) {
            accounts.put(actor, account);
        }
    }

    /** After a committed write to a remote account: forget everything, and refuse rows read before now. */
    synchronized void invalidate() {
        generation++;
        accounts.clear();
    }

    synchronized int size() {
        return accounts.size();
    }
}
