package org.tributary.node.kudos;

import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.post.StatusView;

/** A kudos with the post that carries it, its giver and the recipients this node knows. */
public record KudosView(Kudos kudos, StatusView post, Account giver, List<Account> recipients) {
    public KudosView {
        recipients = List.copyOf(recipients);
    }
}
