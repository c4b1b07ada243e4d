package org.tributary.node.api;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.follow.Follow;
import org.tributary.node.follow.FollowService;
import org.tributary.node.follow.FollowState;
import org.tributary.node.config.LocalUris;
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
    private final MediaModels media;
    private final PollService polls;
    private final Clock clock;

    public ClientModels(FollowService follows, LocalUris uris, MediaModels media) {
        this(follows, uris, media, null, Clock.systemUTC());
    }

    /** With the polls, so that a post shows its poll; {@code clock} tells whether a poll has expired. */
    public ClientModels(FollowService follows, LocalUris uris, MediaModels media, PollService polls, Clock clock) {
        this.follows = follows;
        this.uris = uris;
        this.media = media;
        this.polls = polls;
        this.clock = clock;
    }

    public AccountDto account(Account account) {
        String created = DateTimeFormatter.ISO_INSTANT.format(account.createdAt().truncatedTo(ChronoUnit.MILLIS));
        FollowService.Counts counts = follows.counts(account);
        return new AccountDto(String.valueOf(account.id()), account.username(), account.acct(), account.displayName(),
                account.summary(), account.uri().toString(), account.uri().toString(), account.locked(), false, false,
                true, created, "", "", "", "", counts.followers(), counts.following(), 0, List.of(), List.of());
    }

    public StatusDto status(StatusView view) {
        return status(view, null);
    }

    /** {@code text} is the source the author typed; Mastodon returns it only from delete (for "redraft"). */
    public StatusDto status(StatusView view, String text) {
        Status status = view.status();
        List<MentionDto> mentions = view.mentions().stream().map(account -> new MentionDto(String.valueOf(account.id()),
                account.username(), account.uri().toString(), account.acct())).toList();
        List<TagDto> tags = view.tags().stream().map(name -> new TagDto(name, uris.tag(name).toString())).toList();
        return new StatusDto(String.valueOf(status.id()), status.uri().toString(), status.uri().toString(),
                timestamp(status.createdAt()), account(view.author()), status.contentHtml(),
                status.visibility().mastodonName(), status.sensitive(), status.spoilerText(),
                view.parent().map(parent -> String.valueOf(parent.id())).orElse(null),
                view.parent().map(parent -> String.valueOf(parent.accountId())).orElse(null), status.language(), 0, 0,
                0, view.media().stream().<Object>map(media::attachment).toList(), mentions, tags, List.of(), null,
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
        Follow outgoing = follows.relation(viewer, other).orElse(null);
        Follow incoming = follows.relation(other, viewer).orElse(null);
        return new RelationshipDto(String.valueOf(other.id()),
                outgoing != null && outgoing.state() == FollowState.ACCEPTED,
                outgoing != null && outgoing.state() == FollowState.PENDING,
                incoming != null && incoming.state() == FollowState.ACCEPTED, false, false, true, false, "");
    }
}
