package org.tributary.node.interaction;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tributary.federation.vocab.Activity;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.http.ApiException;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.outbound.InteractionActivities;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.timeline.StatusVisibility;

/**
 * An employee likes or boosts a post, or takes it back. Only a post the employee may read can be liked
 * and only an organization post boosted (a followers-only, direct or department post would reach
 * people its author did not address). On a local post the author is notified and the new counts are
 * reported ({@link CountReports}); on a remote one the Like goes to the author's node, which counts it,
 * and the count shown here moves by one at once. An Announce goes to the booster's followers and the
 * author.
 */
public final class InteractionService {
    /** A like or boost with the post or the account it relates, for the paged lists. */
    public record StatusEntry(Interaction interaction, Status status) {
    }

    public record AccountEntry(Interaction interaction, Account account) {
    }

    private final Database database;
    private final InteractionStore interactions;
    private final StatusStore statuses;
    private final AccountStore accounts;
    private final FollowStore follows;
    private final StatusVisibility visibility;
    private final NotificationService notifications;
    private final InteractionActivities activities;
    private final CountReports reports;
    private final Outbox outbox;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;

    public InteractionService(Database database, InteractionStore interactions, StatusStore statuses,
            AccountStore accounts, FollowStore follows, StatusVisibility visibility,
            NotificationService notifications, InteractionActivities activities, CountReports reports, Outbox outbox,
            LocalUris uris, IdGenerator ids, Clock clock) {
        this.database = database;
        this.interactions = interactions;
        this.statuses = statuses;
        this.accounts = accounts;
        this.follows = follows;
        this.visibility = visibility;
        this.notifications = notifications;
        this.activities = activities;
        this.reports = reports;
        this.outbox = outbox;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    public Status favourite(Account viewer, long statusId) {
        return database.inTransaction(connection -> {
            Status status = readable(connection, viewer, statusId);
            add(connection, viewer, status, InteractionKind.FAVOURITE);
            return status;
        });
    }

    public Status unfavourite(Account viewer, long statusId) {
        return database.inTransaction(connection -> {
            Status status = readable(connection, viewer, statusId);
            remove(connection, viewer, status, InteractionKind.FAVOURITE);
            return status;
        });
    }

    /** Boosts and returns the boost (Mastodon answers with the reblog wrapper). */
    public Interaction reblog(Account viewer, long statusId) {
        return database.inTransaction(connection -> {
            Status status = readable(connection, viewer, statusId);
            if (status.visibility() != Visibility.ORGANIZATION) {
                throw new ApiException(422, "reblog_not_allowed",
                        "only organization posts can be boosted; this one is " + status.visibility().mastodonName());
            }
            return add(connection, viewer, status, InteractionKind.REBLOG);
        });
    }

    public Status unreblog(Account viewer, long statusId) {
        return database.inTransaction(connection -> {
            Status status = readable(connection, viewer, statusId);
            remove(connection, viewer, status, InteractionKind.REBLOG);
            return status;
        });
    }

    /** What the viewer liked, newest like first, leaving out posts they may no longer read. */
    public List<StatusEntry> favourites(Account viewer, Page page) {
        return database.inTransaction(connection -> {
            List<StatusEntry> entries = new ArrayList<>();
            for (Interaction like : interactions.byAccount(connection, InteractionKind.FAVOURITE, viewer.id(), page)) {
                Optional<Status> status = statuses.findById(connection, like.statusId());
                if (status.isPresent() && visibility.canSee(connection, viewer, status.get())) {
                    entries.add(new StatusEntry(like, status.get()));
                }
            }
            return entries;
        });
    }

    /** Who liked or boosted a post the viewer may read, as far as this node knows. */
    public List<AccountEntry> accounts(Account viewer, long statusId, InteractionKind kind, Page page) {
        return database.inTransaction(connection -> {
            Status status = readable(connection, viewer, statusId);
            List<AccountEntry> entries = new ArrayList<>();
            for (Interaction interaction : interactions.ofStatus(connection, kind, status.id(), page)) {
                accounts.findById(connection, interaction.accountId())
                        .ifPresent(account -> entries.add(new AccountEntry(interaction, account)));
            }
            return entries;
        });
    }

    /** The post a like or boost is about. */
    public Status status(Interaction interaction) {
        return database.inTransaction(connection -> statuses.findById(connection, interaction.statusId()))
                .orElseThrow(() -> ApiException.notFound("status"));
    }

    /** Counts, and whether {@code viewer} (when present) liked or boosted the post. */
    public StatusInteractions of(Optional<Account> viewer, Status status) {
        return database.inTransaction(connection -> of(connection, viewer, List.of(status)).get(status.id()));
    }

    /** {@link #of(Optional, Status)} for each of these posts, by post id: three queries, whatever their number. */
    public Map<Long, StatusInteractions> of(Connection connection, Optional<Account> viewer, List<Status> statuses)
            throws SQLException {
        Map<Long, InteractionCounts> counts = interactions.counts(connection, statuses);
        List<Long> ids = statuses.stream().map(Status::id).toList();
        Set<Long> favourited = viewer.isEmpty() ? Set.of()
                : interactions.statusIds(connection, InteractionKind.FAVOURITE, viewer.get().id(), ids);
        Set<Long> reblogged = viewer.isEmpty() ? Set.of()
                : interactions.statusIds(connection, InteractionKind.REBLOG, viewer.get().id(), ids);
        Map<Long, StatusInteractions> result = new HashMap<>();
        for (Status status : statuses) {
            result.put(status.id(), new StatusInteractions(counts.get(status.id()), favourited.contains(status.id()),
                    reblogged.contains(status.id())));
        }
        return result;
    }

    private Interaction add(Connection connection, Account viewer, Status status, InteractionKind kind)
            throws SQLException {
        Optional<Interaction> existing = interactions.find(connection, kind, viewer.id(), status.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = ids.next();
        Instant now = clock.instant();
        Interaction interaction = new Interaction(id, kind, viewer.id(), status.id(),
                uris.activity(viewer.username(), kind.uriSegment(), id), now);
        interactions.insertIfAbsent(connection, interaction);
        Account author = accounts.findById(connection, status.accountId()).orElseThrow();
        outbox.send(connection, activity(interaction, viewer, status, author), viewer, recipients(connection, kind,
                viewer, author));
        if (status.local()) {
            notifications.notify(connection, author.id(), kind == InteractionKind.FAVOURITE
                    ? NotificationType.FAVOURITE : NotificationType.REBLOG, viewer.id(), status.id());
            reports.report(connection, status, List.of());
        } else {
            interactions.adjustReported(connection, kind, status.id(), true);
        }
        return interaction;
    }

    private void remove(Connection connection, Account viewer, Status status, InteractionKind kind)
            throws SQLException {
        Optional<Interaction> existing = interactions.find(connection, kind, viewer.id(), status.id());
        if (existing.isEmpty()) {
            return;
        }
        interactions.delete(connection, existing.get());
        Account author = accounts.findById(connection, status.accountId()).orElseThrow();
        Activity original = activity(existing.get(), viewer, status, author);
        URI undoId = uris.activity(viewer.username(), "undos", ids.next());
        outbox.send(connection, activities.undo(undoId, original, clock.instant()), viewer,
                recipients(connection, kind, viewer, author));
        if (status.local()) {
            reports.report(connection, status, List.of());
        } else {
            interactions.adjustReported(connection, kind, status.id(), false);
        }
    }

    /** The Like or Announce an interaction stands for, rebuilt from its row. */
    private Activity activity(Interaction interaction, Account viewer, Status status, Account author) {
        return interaction.kind() == InteractionKind.FAVOURITE
                ? activities.like(interaction.activityUri(), viewer.uri(), status.uri(), author.uri(),
                        interaction.createdAt())
                : activities.announce(interaction.activityUri(), viewer.uri(), uris.followers(viewer.username()),
                        status.uri(), author.uri(), interaction.createdAt());
    }

    /** A Like goes to the author; an Announce to the author and the booster's followers. */
    private List<Account> recipients(Connection connection, InteractionKind kind, Account viewer, Account author)
            throws SQLException {
        Map<Long, Account> targets = new LinkedHashMap<>();
        targets.put(author.id(), author);
        if (kind == InteractionKind.REBLOG) {
            for (long followerId : follows.followerIds(connection, viewer.id())) {
                accounts.findById(connection, followerId).ifPresent(account -> targets.put(account.id(), account));
            }
        }
        return new ArrayList<>(targets.values());
    }

    private Status readable(Connection connection, Account viewer, long statusId) throws SQLException {
        return statuses.findById(connection, statusId)
                .filter(found -> canSee(connection, viewer, found))
                .orElseThrow(() -> ApiException.notFound("status"));
    }

    private boolean canSee(Connection connection, Account viewer, Status status) {
        try {
            return visibility.canSee(connection, viewer, status);
        } catch (SQLException e) {
            throw new org.tributary.node.store.StoreException(e);
        }
    }
}
