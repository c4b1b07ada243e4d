package org.tributary.node.api;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.account.Profile;
import org.tributary.node.account.ProfileService;
import org.tributary.node.outbound.ProfileProperties;
import org.tributary.node.follow.FollowService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.interaction.Interaction;
import org.tributary.node.interaction.InteractionService;
import org.tributary.node.interaction.StatusInteractions;
import org.tributary.node.relationship.Relationship;
import org.tributary.node.relationship.RelationshipService;
import org.tributary.node.notification.Notification;
import org.tributary.node.poll.Poll;
import org.tributary.node.poll.PollService;
import org.tributary.node.poll.PollView;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusView;
import org.tributary.node.post.StatusViews;
import org.tributary.node.store.Database;
import org.tributary.node.timeline.HomeEntry;

/**
 * Converts domain objects to the client API's models ({@code AccountToDto}, {@code StatusToDto}).
 * Ids are strings, as Mastodon's are, because JavaScript cannot hold 64-bit integers. What a model shows
 * beyond the domain object ({@link ClientFacts}: counts, profiles, the viewer's likes and boosts, polls)
 * is read in one transaction for everything converted together, so a timeline page of posts costs the
 * same few queries as one post.
 */
public final class ClientModels {
    private final Database database;
    private final StatusViews views;
    private final ClientFacts.Loader facts;
    private final LocalUris uris;
    private final RelationshipService relationships;
    private final MediaModels media;
    private final Clock clock;

    public ClientModels(Database database, StatusViews views, FollowService follows, LocalUris uris, MediaModels media,
            InteractionService interactions, RelationshipService relationships, PollService polls, Clock clock,
            ProfileService profiles) {
        this.database = database;
        this.views = views;
        this.facts = new ClientFacts.Loader(follows, profiles, interactions, polls);
        this.uris = uris;
        this.media = media;
        this.relationships = relationships;
        this.clock = clock;
    }

    public AccountDto account(Account account) {
        return accounts(List.of(account)).get(0);
    }

    /** Accounts, with their counts and profiles read for all of them at once. */
    public List<AccountDto> accounts(List<Account> accounts) {
        ClientFacts known = database.inTransaction(connection -> facts.load(connection, List.of(), accounts,
                Optional.empty()));
        return accounts.stream().map(account -> account(account, known)).toList();
    }

    private AccountDto account(Account account, ClientFacts known) {
        String created = DateTimeFormatter.ISO_INSTANT.format(account.createdAt().truncatedTo(ChronoUnit.MILLIS));
        FollowService.Counts counts = known.followCounts(account);
        Profile profile = known.profile(account);
        String avatar = profile.avatar().map(java.net.URI::toString).orElse("");
        return new AccountDto(String.valueOf(account.id()), account.username(), account.acct(), account.displayName(),
                account.summary(), account.uri().toString(), account.uri().toString(), account.locked(), false, false,
                true, created, avatar, avatar, "", "", counts.followers(),
                counts.following(), 0, List.of(), fields(profile),
                new AccountDto.ProfileExtensionDto(profile.department(), profile.title(), profile.location()));
    }

    /** Title, location and department as Mastodon profile fields, in that order, the empty ones left out. */
    private static List<AccountDto.FieldDto> fields(Profile profile) {
        List<AccountDto.FieldDto> fields = new java.util.ArrayList<>();
        addField(fields, ProfileProperties.TITLE, profile.title());
        addField(fields, ProfileProperties.LOCATION, profile.location());
        addField(fields, ProfileProperties.DEPARTMENT, profile.department());
        return fields;
    }

    private static void addField(List<AccountDto.FieldDto> fields, String name, String value) {
        if (!value.isEmpty()) {
            fields.add(new AccountDto.FieldDto(name, org.jsoup.nodes.Entities.escape(value), null));
        }
    }

    /** A post with its counts, but without what a particular viewer did with it. */
    public StatusDto status(StatusView view) {
        return status(view, null);
    }

    /** A post as {@code viewer} sees it: with whether they liked and boosted it. */
    public StatusDto statusFor(StatusView view, Account viewer) {
        return status(view, null, Optional.of(viewer));
    }

    /** {@code text} is the source the author typed; Mastodon returns it only from delete (for "redraft"). */
    public StatusDto status(StatusView view, String text) {
        return status(view, text, Optional.empty());
    }

    private StatusDto status(StatusView view, String text, Optional<Account> viewer) {
        ClientFacts known = database.inTransaction(connection -> facts.load(connection, List.of(view), List.of(),
                viewer));
        return status(view, text, known);
    }

    /**
     * Posts as {@code viewer} (when present) sees them, in the given order: their views and everything
     * shown with them read in one transaction, one query per kind of data for the whole list.
     */
    public List<StatusDto> statuses(List<Status> statuses, Optional<Account> viewer) {
        return database.inTransaction(connection -> {
            List<StatusView> loaded = views.of(connection, statuses);
            ClientFacts known = facts.load(connection, loaded, List.of(), viewer);
            return loaded.stream().map(view -> status(view, null, known)).toList();
        });
    }

    /** Posts already loaded, as {@code viewer} sees them: what is shown with them read in one transaction. */
    public List<StatusDto> statusesFor(List<StatusView> loaded, Account viewer) {
        return database.inTransaction(connection -> {
            ClientFacts known = facts.load(connection, loaded, List.of(), Optional.of(viewer));
            return loaded.stream().map(view -> status(view, null, known)).toList();
        });
    }

    /**
     * As {@link #statusesFor}, by post id: for a page whose entries wrap posts (kudos, events, questions), so
     * the whole page's posts are read in one transaction rather than one each.
     */
    public Map<Long, StatusDto> statusesByIdFor(List<StatusView> loaded, Account viewer) {
        List<StatusDto> rendered = statusesFor(loaded, viewer);
        Map<Long, StatusDto> byId = new HashMap<>();
        for (int i = 0; i < loaded.size(); i++) {
            byId.put(loaded.get(i).status().id(), rendered.get(i));
        }
        return byId;
    }

    /**
     * The home timeline's entries as {@code viewer} sees them, read as {@link #statuses} reads posts: a post,
     * or a boost wrapping the boosted post (Mastodon's shape).
     */
    public List<StatusDto> home(List<HomeEntry> entries, Account viewer) {
        Optional<Account> seenBy = Optional.of(viewer);
        return database.inTransaction(connection -> {
            List<StatusView> loaded = views.of(connection, entries.stream().map(HomeEntry::status).toList());
            List<Account> boosters = entries.stream().filter(HomeEntry.Boost.class::isInstance)
                    .map(entry -> ((HomeEntry.Boost) entry).booster()).toList();
            ClientFacts known = facts.load(connection, loaded, boosters, seenBy);
            List<StatusDto> page = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                StatusDto post = status(loaded.get(i), null, known);
                page.add(entries.get(i) instanceof HomeEntry.Boost boost
                        ? reblog(boost.boost(), account(boost.booster(), known), post) : post);
            }
            return page;
        });
    }

    /**
     * A boost as Mastodon shows it in timelines: a post of the booster's, with no content of its own, whose
     * {@code reblog} is the boosted post.
     */
    public StatusDto reblog(Interaction boost, Account booster, StatusDto boosted) {
        return reblog(boost, account(booster), boosted);
    }

    private static StatusDto reblog(Interaction boost, AccountDto booster, StatusDto boosted) {
        return new StatusDto(String.valueOf(boost.id()), boost.activityUri().toString(), boosted.url(),
                timestamp(boost.createdAt()), booster, "", boosted.visibility(), false, "", null, null, null,
                0, 0, 0, boosted.favourited(), boosted.reblogged(), List.of(), List.of(), List.of(), List.of(),
                boosted, null, null, null, null);
    }

    private StatusDto status(StatusView view, String text, ClientFacts known) {
        Status status = view.status();
        StatusInteractions counted = known.interactions(status);
        List<MentionDto> mentions = view.mentions().stream().map(account -> new MentionDto(String.valueOf(account.id()),
                account.username(), account.uri().toString(), account.acct())).toList();
        List<TagDto> tags = view.tags().stream().map(name -> new TagDto(name, uris.tag(name).toString())).toList();
        return new StatusDto(String.valueOf(status.id()), status.uri().toString(), status.uri().toString(),
                timestamp(status.createdAt()), account(view.author(), known), status.contentHtml(),
                status.visibility().mastodonName(), status.sensitive(), status.spoilerText(),
                view.parent().map(parent -> String.valueOf(parent.id())).orElse(null),
                view.parent().map(parent -> String.valueOf(parent.accountId())).orElse(null), status.language(), 0,
                counted.counts().reblogs(), counted.counts().favourites(), counted.favourited(), counted.reblogged(),
                view.media().stream().<Object>map(media::attachment).toList(), mentions, tags, List.of(), null,
                known.poll(status).map(poll -> poll(poll, false, List.of())).orElse(null), null,
                status.editedAt() == null ? null : timestamp(status.editedAt()), text);
    }

    public NotificationDto notification(Notification notification, Account from, StatusDto status) {
        return new NotificationDto(String.valueOf(notification.id()), notification.type().apiName(),
                timestamp(notification.createdAt()), account(from), status);
    }

    /** A poll as a viewer sees it, with their own votes. */
    public PollDto poll(PollView view) {
        return poll(view.poll(), true, view.ownVotes());
    }

    private PollDto poll(Poll poll, boolean forViewer, List<Integer> ownVotes) {
        List<PollDto.Option> options = poll.options().stream()
                .map(option -> new PollDto.Option(option.title(), option.votesCount())).toList();
        return new PollDto(String.valueOf(poll.statusId()),
                poll.expiresAt() == null ? null : timestamp(poll.expiresAt()), poll.isOver(clock.instant()),
                poll.multiple(), poll.votesCount(), poll.votersCount(), options, List.of(),
                forViewer ? !ownVotes.isEmpty() : null, forViewer ? ownVotes : null);
    }

    private static String timestamp(java.time.Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public RelationshipDto relationship(Account viewer, Account other) {
        Relationship relation = relationships.between(viewer, other);
        return new RelationshipDto(String.valueOf(other.id()), relation.following(), relation.requested(),
                relation.requestedBy(), relation.followedBy(), relation.blocking(), relation.blockedBy(),
                relation.muting(), relation.mutingNotifications(), false, false, true, false, "");
    }
}
