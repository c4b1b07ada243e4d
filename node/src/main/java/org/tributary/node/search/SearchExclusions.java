package org.tributary.node.search;

import org.tributary.node.account.Account;

/**
 * People a viewer must not find, nor find posts of: the hook for blocks (and mutes). Applied to every
 * account and post hit after the visibility rule.
 */
@FunctionalInterface
public interface SearchExclusions {

    boolean hides(Account viewer, long authorAccountId);

    static SearchExclusions none() {
        return (viewer, authorAccountId) -> false;
    }
}
