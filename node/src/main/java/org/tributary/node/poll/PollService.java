package org.tributary.node.poll;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tributary.federation.vocab.Activity;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.http.ApiException;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.outbound.PollActivities;
import org.tributary.node.post.PostDelivery;
import org.tributary.node.post.PostExtension;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusView;
import org.tributary.node.post.StatusViews;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Polls: creating one with a post, voting (on a poll here: counted and the new counts sent to
 * everyone the poll reached; on a peer's poll: the vote sent to its author's node), counting votes
 * from other nodes, and closing polls at their end time (final counts sent, voters told "poll").
 */
public final class PollService {
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 10;
    public static final int MAX_OPTION_CHARACTERS = 100;
    public static final Duration MIN_DURATION = Duration.ofMinutes(5);
    public static final Duration MAX_DURATION = Duration.ofDays(31);

    private final Database database;
    private final PollStore polls;
    private final StatusStore statuses;
    private final StatusViews views;
    private final AccountStore accounts;
    private final StatusVisibility visibility;
    private final PostDelivery delivery;
    private final NoteActivities notes;
    private final PollActivities activities;
    private final Outbox outbox;
    private final NotificationService notifications;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;

    public PollService(Database database, PollStore polls, StatusStore statuses, StatusViews views,
            AccountStore accounts, StatusVisibility visibility, PostDelivery delivery, NoteActivities notes,
            PollActivities activities, Outbox outbox, NotificationService notifications, LocalUris uris,
            IdGenerator ids, Clock clock) {
        this.database = database;
        this.polls = polls;
        this.statuses = statuses;
        this.views = views;
        this.accounts = accounts;
        this.visibility = visibility;
        this.delivery = delivery;
        this.notes = notes;
        this.activities = activities;
        this.outbox = outbox;
        this.notifications = notifications;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    /** What a post with this poll adds: the poll rows, and a Create(Question). Validates the request first. */
    public PostExtension extension(PollRequest request) {
        validate(request);
        Instant expiresAt = clock.instant().plusSeconds(request.expiresInSeconds());
        return new PostExtension() {
            private Poll poll;

            @Override
            public void store(Connection connection, StatusView view) throws SQLException {
                poll = new Poll(view.status().id(), request.multiple(), expiresAt, false, 0,
                        request.options().stream().map(title -> new Poll.Option(title, 0)).toList());
                polls.insertIfAbsent(connection, poll);
            }

            @Override
            public Activity shapeCreate(Activity plainCreate) {
                return activities.create(plainCreate, poll, null);
            }
        };
    }

    /** The polls among these posts, by post id, without anything viewer-specific; two queries at most. */
    public Map<Long, Poll> ofStatuses(Connection connection, Collection<Long> statusIds) throws SQLException {
        return polls.find(connection, statusIds);
    }

    /** The poll as the viewer sees it, if they may see its post. */
    public Optional<PollView> find(Account viewer, long statusId) {
        return database.inTransaction(connection -> {
            Optional<Status> status = statuses.findById(connection, statusId);
            if (status.isEmpty() || !visibility.canSee(connection, viewer, status.get())) {
                return Optional.<PollView>empty();
            }
            Optional<Poll> poll = polls.find(connection, statusId);
            if (poll.isEmpty()) {
                return Optional.<PollView>empty();
            }
            return Optional.of(new PollView(poll.get(), polls.choicesOf(connection, statusId, viewer.id())));
        });
    }

    /** An employee votes: counted here for our polls, sent to the author's node for a peer's. */
    public PollView vote(Account voter, long statusId, List<Integer> choices) {
        return database.inTransaction(connection -> {
            Status status = statuses.findById(connection, statusId)
                    .filter(found -> canSee(connection, voter, found))
                    .orElseThrow(() -> ApiException.notFound("poll"));
            Poll poll = polls.find(connection, statusId).orElseThrow(() -> ApiException.notFound("poll"));
            Instant now = clock.instant();
            if (poll.isOver(now)) {
                throw new ApiException(422, "poll_closed", "the poll has ended");
            }
            if (!polls.choicesOf(connection, statusId, voter.id()).isEmpty()) {
                throw new ApiException(422, "already_voted", "you have already voted on this poll");
            }
            List<Integer> chosen = checkChoices(poll, choices);
            for (int position : chosen) {
                polls.addVote(connection, statusId, voter.id(), position, now);
            }
            Account author = accounts.findById(connection, status.accountId()).orElseThrow();
            if (status.local()) {
                polls.recount(connection, statusId);
                sendCounts(connection, status, author, polls.find(connection, statusId).orElseThrow(), null);
            } else {
                for (int position : chosen) {
                    URI voteId = uris.activity(voter.username(), "votes", ids.next());
                    outbox.send(connection, activities.vote(voteId, voter, status.uri(), author.uri(),
                            poll.options().get(position).title(), now), voter, List.of(author));
                }
            }
            return new PollView(polls.find(connection, statusId).orElseThrow(), chosen);
        });
    }

    /**
     * A vote from another node on one of our polls, for the option named {@code option}. Refused when
     * the poll is over, the option unknown, or the voter already chose it (or, single choice, another).
     */
    public VoteResult receiveVote(Connection connection, Account voter, Status status, String option)
            throws SQLException {
        Optional<Poll> found = polls.find(connection, status.id());
        if (found.isEmpty() || !status.local()) {
            return new VoteResult.Refused("not a poll of this node: " + status.uri());
        }
        Poll poll = found.get();
        Instant now = clock.instant();
        if (poll.isOver(now)) {
            return new VoteResult.Refused("the poll has ended");
        }
        int position = titles(poll).indexOf(option);
        if (position < 0) {
            return new VoteResult.Refused("no such option: " + option);
        }
        List<Integer> earlier = polls.choicesOf(connection, poll.statusId(), voter.id());
        if (earlier.contains(position) || (!poll.multiple() && !earlier.isEmpty())) {
            return new VoteResult.Refused("already voted");
        }
        polls.addVote(connection, poll.statusId(), voter.id(), position, now);
        polls.recount(connection, poll.statusId());
        Account author = accounts.findById(connection, status.accountId()).orElseThrow();
        sendCounts(connection, status, author, polls.find(connection, poll.statusId()).orElseThrow(), null);
        return new VoteResult.Counted();
    }

    /** Closes our polls whose end time has come: final counts to everyone, voters told "poll". */
    public int closeDue() {
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            List<Long> due = polls.dueForClosing(connection, now);
            for (long statusId : due) {
                polls.close(connection, statusId);
                Poll poll = polls.find(connection, statusId).orElseThrow();
                Status status = statuses.findById(connection, statusId).orElseThrow();
                Account author = accounts.findById(connection, status.accountId()).orElseThrow();
                sendCounts(connection, status, author, poll, poll.expiresAt());
                for (long voterId : polls.voterIds(connection, statusId)) {
                    notifications.notify(connection, voterId, NotificationType.POLL, author.id(), statusId);
                }
            }
            return due.size();
        });
    }

    /** Update(Question) with the counts to everyone the poll reached and every remote voter. */
    private void sendCounts(Connection connection, Status status, Account author, Poll poll, Instant closedAt)
            throws SQLException {
        StatusView view = views.of(connection, status);
        URI activityId = uris.activity(author.username(), "updates", ids.next());
        Activity plain = notes.update(activityId, status, author, delivery.audience(view), delivery.tags(view));
        List<Account> voters = new ArrayList<>();
        for (long voterId : polls.voterIds(connection, status.id())) {
            accounts.findById(connection, voterId).filter(account -> !account.isLocal()).ifPresent(voters::add);
        }
        delivery.send(connection, activities.update(plain, poll, closedAt), view, voters);
    }

    private boolean canSee(Connection connection, Account viewer, Status status) {
        try {
            return visibility.canSee(connection, viewer, status);
        } catch (SQLException e) {
            throw new org.tributary.node.store.StoreException(e);
        }
    }

    private static List<Integer> checkChoices(Poll poll, List<Integer> choices) {
        List<Integer> distinct = new ArrayList<>(new LinkedHashSet<>(choices));
        if (distinct.isEmpty()) {
            throw new ApiException(422, "invalid_choice", "choose at least one option");
        }
        if (!poll.multiple() && distinct.size() > 1) {
            throw new ApiException(422, "invalid_choice", "this poll allows only one choice");
        }
        for (int choice : distinct) {
            if (choice < 0 || choice >= poll.options().size()) {
                throw new ApiException(422, "invalid_choice", "no option number " + choice);
            }
        }
        return distinct;
    }

    private static List<String> titles(Poll poll) {
        return poll.options().stream().map(Poll.Option::title).toList();
    }

    private static void validate(PollRequest request) {
        int count = request.options().size();
        if (count < MIN_OPTIONS || count > MAX_OPTIONS) {
            throw new ApiException(422, "invalid_poll", "a poll has " + MIN_OPTIONS + " to " + MAX_OPTIONS
                    + " options");
        }
        if (request.options().stream().anyMatch(option -> option.isEmpty()
                || option.length() > MAX_OPTION_CHARACTERS)) {
            throw new ApiException(422, "invalid_poll", "every option needs 1 to " + MAX_OPTION_CHARACTERS
                    + " characters");
        }
        if (new LinkedHashSet<>(request.options()).size() != count) {
            throw new ApiException(422, "invalid_poll", "options must differ");
        }
        Duration duration = Duration.ofSeconds(request.expiresInSeconds());
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new ApiException(422, "invalid_poll", "expires_in must be between " + MIN_DURATION.toSeconds()
                    + " and " + MAX_DURATION.toSeconds() + " seconds");
        }
    }
}
