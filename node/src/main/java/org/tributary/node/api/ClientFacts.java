package org.tributary.node.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tributary.node.account.Account;
import org.tributary.node.account.Profile;
import org.tributary.node.account.ProfileService;
import org.tributary.node.follow.FollowService;
import org.tributary.node.interaction.InteractionService;
import org.tributary.node.interaction.StatusInteractions;
import org.tributary.node.poll.Poll;
import org.tributary.node.poll.PollService;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusView;

/**
 * What the client's models show beyond the posts and accounts themselves: each account's follow counts and
 * profile, each post's like and boost counts with what the viewer did, and its poll. Loaded for a whole
 * list of posts and accounts at once, one query per kind whatever the list's length, so a page of 40
 * costs what a page of 1 does.
 */
record ClientFacts(Map<Long, FollowService.Counts> followCounts, Map<Long, Profile> profiles,
        Map<Long, StatusInteractions> interactions, Map<Long, Poll> polls) {

    FollowService.Counts followCounts(Account account) {
        return followCounts.get(account.id());
    }

    Profile profile(Account account) {
        return profiles.get(account.id());
    }

    StatusInteractions interactions(Status status) {
        return interactions.get(status.id());
    }

    Optional<Poll> poll(Status status) {
        return Optional.ofNullable(polls.get(status.id()));
    }

    /** Reads the facts through the services that own them, within the caller's transaction. */
    static final class Loader {
        private final FollowService follows;
        private final ProfileService profiles;
        private final InteractionService interactions;
        private final PollService polls;

        /** {@code polls} may be {@code null} where no post can be a poll (a rig without the poll feature). */
        Loader(FollowService follows, ProfileService profiles, InteractionService interactions, PollService polls) {
            this.follows = follows;
            this.profiles = profiles;
            this.interactions = interactions;
            this.polls = polls;
        }

        /**
         * The facts about {@code views} (their authors included) and {@code accounts}, with {@code viewer}'s
         * likes and boosts when there is a viewer.
         */
        ClientFacts load(Connection connection, List<StatusView> views, Collection<Account> accounts,
                Optional<Account> viewer) throws SQLException {
            Set<Long> accountIds = new HashSet<>();
            accounts.forEach(account -> accountIds.add(account.id()));
            views.forEach(view -> accountIds.add(view.author().id()));
            List<Status> statuses = views.stream().map(StatusView::status).toList();
            List<Long> statusIds = statuses.stream().map(Status::id).toList();
            return new ClientFacts(follows.counts(connection, accountIds),
                    profiles.profilesOf(connection, accountIds),
                    statuses.isEmpty() ? Map.of() : interactions.of(connection, viewer, statuses),
                    polls == null ? Map.of() : polls.ofStatuses(connection, statusIds));
        }
    }
}
