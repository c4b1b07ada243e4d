package org.tributary.node.timeline;

import org.tributary.node.account.Account;
import org.tributary.node.follow.Follow;
import org.tributary.node.follow.FollowService;
import org.tributary.node.follow.FollowState;
import org.tributary.node.post.Status;

/** The one rule for who may read a post through the client API. */
public final class StatusVisibility {
    private final FollowService follows;
    private final org.tributary.node.account.AccountService accounts;

    public StatusVisibility(FollowService follows, org.tributary.node.account.AccountService accounts) {
        this.follows = follows;
        this.accounts = accounts;
    }

    public boolean canSee(Account viewer, Status status) {
        if (status.accountId() == viewer.id()) {
            return true;
        }
        return switch (status.visibility()) {
            case ORGANIZATION -> true;
            case DEPARTMENT -> viewer.isLocal() && status.local();
            case FOLLOWERS -> accounts.findById(status.accountId())
                    .flatMap(author -> follows.relation(viewer, author))
                    .map(Follow::state).filter(state -> state == FollowState.ACCEPTED).isPresent();
            // Direct posts are addressed by mention, which arrives with the social core; until then only the author.
            case DIRECT -> false;
        };
    }
}
