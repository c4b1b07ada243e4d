package org.tributary.node.api;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

/**
 * Converts domain objects to the client API's models ({@code AccountToDto}, {@code StatusToDto}).
 * Ids are strings, as Mastodon's are, because JavaScript cannot hold 64-bit integers.
 */
public final class ClientModels {
    private final FollowService follows;
    private final LocalUris uris;
    private final InteractionService interactions;
    private final RelationshipService relationships;
    private final MediaModels media;
    private final PollService polls;
    private final Clock clock;
    private final ProfileService profiles;

    public ClientModels(FollowService follows, LocalUris uris, MediaModels media, InteractionService interactions,
            RelationshipService relationships, PollService polls, Clock clock, ProfileService profiles) {
        this.follows = follows;
        this.uris = uris;
        this.media = media;
        this.interactions = interactions;
        this.relationships = relationships;
        this.polls = polls;
        this.clock = clock;
        this.profiles = profiles;
    }

    public AccountDto account(Account account) {
        String created = DateTimeFormatter.ISO_INSTANT.format(account.createdAt().truncatedTo(ChronoUnit.MILLIS));
        FollowService.Counts counts = follows.counts(account);
        Profile profile = profiles.profileOf(account);
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

    /**
     * A boost as Mastodon shows it in timelines: a post of the booster's, with no content of its own, whose
     * {@code reblog} is the boosted post.
     */
    public StatusDto reblog(Interaction boost, Account booster, StatusDto boosted) {
        return new StatusDto(String.valueOf(boost.id()), boost.activityUri().toString(), boosted.url(),
                timestamp(boost.createdAt()), account(booster), "", boosted.visibility(), false, "", null, null, null,
                0, 0, 0, boosted.favourited(), boosted.reblogged(), List.of(), List.of(), List.of(), List.of(),
                boosted, null, null, null, null);
    }

    private StatusDto status(StatusView view, String text, Optional<Account> viewer) {
        Status status = view.status();
        StatusInteractions counted = interactions.of(viewer, status);
        List<MentionDto> mentions = view.mentions().stream().map(account -> new MentionDto(String.valueOf(account.id()),
                account.username(), account.uri().toString(), account.acct())).toList();
        List<TagDto> tags = view.tags().stream().map(name -> new TagDto(name, uris.tag(name).toString())).toList();
        return new StatusDto(String.valueOf(status.id()), status.uri().toString(), status.uri().toString(),
                timestamp(status.createdAt()), account(view.author()), status.contentHtml(),
                status.visibility().mastodonName(), status.sensitive(), status.spoilerText(),
                view.parent().map(parent -> String.valueOf(parent.id())).orElse(null),
                view.parent().map(parent -> String.valueOf(parent.accountId())).orElse(null), status.language(), 0,
                counted.counts().reblogs(), counted.counts().favourites(), counted.favourited(), counted.reblogged(),
                view.media().stream().<Object>map(media::attachment).toList(), mentions, tags, List.of(), null,
                pollOf(status), null,
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

    private PollDto pollOf(Status status) {
        if (polls == null) {
            return null;
        }
        return polls.ofStatus(status.id()).map(poll -> poll(poll, false, List.of())).orElse(null);
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
