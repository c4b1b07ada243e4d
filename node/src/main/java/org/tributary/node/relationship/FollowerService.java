package org.tributary.node.relationship;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.vocab.Activity;
import org.tributary.node.account.Account;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.follow.Follow;
import org.tributary.node.follow.FollowState;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.http.ApiException;
import org.tributary.node.outbound.FollowActivities;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;

/**
 * The followed side of following: authorize or reject a pending follow request (locked accounts), and
 * remove an existing follower. A colleague on another node gets Accept(Follow) or Reject(Follow), so
 * their node records the answer; a Reject makes it drop the follow, pending or accepted.
 */
public final class FollowerService {
    private final Database database;
    private final FollowStore follows;
    private final FollowActivities activities;
    private final Outbox outbox;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;

    public FollowerService(Database database, FollowStore follows, FollowActivities activities, Outbox outbox,
            LocalUris uris, IdGenerator ids, Clock clock) {
        this.database = database;
        this.follows = follows;
        this.activities = activities;
        this.outbox = outbox;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    public void authorize(Account employee, Account requester) {
        database.inTransactionVoid(connection -> {
            Follow follow = pending(connection, employee, requester);
            follows.setState(connection, follow.id(), FollowState.ACCEPTED);
            answer(connection, "Accept", employee, requester, follow);
        });
    }

    public void reject(Account employee, Account requester) {
        database.inTransactionVoid(connection -> {
            Follow follow = pending(connection, employee, requester);
            follows.delete(connection, requester.id(), employee.id());
            answer(connection, "Reject", employee, requester, follow);
        });
    }

    /** Ends an accepted follow from the follower's side; does nothing for an account that does not follow. */
    public void removeFollower(Account employee, Account follower) {
        database.inTransactionVoid(connection -> {
            Optional<Follow> follow = follows.find(connection, follower.id(), employee.id());
            if (follow.isEmpty()) {
                return;
            }
            follows.delete(connection, follower.id(), employee.id());
            answer(connection, "Reject", employee, follower, follow.get());
        });
    }

    private Follow pending(Connection connection, Account employee, Account requester) throws SQLException {
        return follows.find(connection, requester.id(), employee.id())
                .filter(follow -> follow.state() == FollowState.PENDING)
                .orElseThrow(() -> ApiException.notFound("follow request"));
    }

    /** Answers the follower's node with the follow embedded, as it was sent (local followers need nothing). */
    private void answer(Connection connection, String type, Account employee, Account follower, Follow follow)
            throws SQLException {
        if (follower.isLocal()) {
            return;
        }
        Instant now = clock.instant();
        Activity original = activities.follow(follow.activityUri(), follower.uri(), employee.uri(),
                follow.createdAt());
        String segment = "Accept".equals(type) ? "accepts" : "rejects";
        outbox.send(connection, activities.answer(type, uris.activity(employee.username(), segment, ids.next()),
                original, now), employee, List.of(follower));
    }
}
