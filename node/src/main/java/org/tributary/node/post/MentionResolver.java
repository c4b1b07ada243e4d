package org.tributary.node.post;

import java.util.Optional;
import org.tributary.node.account.Account;

/** Finds the account a typed {@code @user} or {@code @user@host:port} names; empty when there is none. */
@FunctionalInterface
public interface MentionResolver {

    /** @param authority {@code host[:port]}, or {@code null} for a bare {@code @user} (this node) */
    Optional<Account> resolve(String username, String authority);
}
