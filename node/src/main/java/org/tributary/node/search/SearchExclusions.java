package org.tributary.node.search;

import java.util.function.LongPredicate;
import org.tributary.node.account.Account;

/**
 * People a viewer must not find, nor find posts of: the hook for blocks (and mutes). Applied to every
 * account and post hit after the visibility rule; asked once per search, for all its hits.
 */
@FunctionalInterface
public interface SearchExclusions {

    /** Whether an account (by id) is hidden from {@code viewer}. */
    LongPredicate hiddenFrom(Account viewer);

    static SearchExclusions none() {
        return viewer -> authorAccountId -> false;
    }
}
