package org.tributary.node.timeline;

import org.tributary.node.account.Account;
import org.tributary.node.interaction.Interaction;
import org.tributary.node.post.Status;

/** One item of the home timeline: a post, or a boost of one. {@link #id()} is what pages are cut by. */
public sealed interface HomeEntry permits HomeEntry.Post, HomeEntry.Boost {

    long id();

    Status status();

    record Post(Status status) implements HomeEntry {
        @Override
        public long id() {
            return status.id();
        }
    }

    /** {@code booster} boosted {@code status}; the boost's id is time-ordered like a post's. */
    record Boost(Interaction boost, Account booster, Status status) implements HomeEntry {
        @Override
        public long id() {
            return boost.id();
        }
    }
}
