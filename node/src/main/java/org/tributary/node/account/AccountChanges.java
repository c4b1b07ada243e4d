package org.tributary.node.account;

/**
 * Told after a transaction that changed how an account looks to others has committed (created, profile
 * edited, suspended, refreshed from its node), so derived views such as the search index can follow.
 */
@FunctionalInterface
public interface AccountChanges {

    void changed(long accountId);

    static AccountChanges ignoring() {
        return accountId -> {
        };
    }
}
