package org.tributary.node.api;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.follow.Follow;
import org.tributary.node.follow.FollowService;
import org.tributary.node.follow.FollowState;
import org.tributary.node.post.Status;

/**
 * Converts domain objects to the client API's models ({@code AccountToDto}, {@code StatusToDto}).
 * Ids are strings, as Mastodon's are, because JavaScript cannot hold 64-bit integers.
 */
public final class ClientModels {
    private final FollowService follows;
    private final MediaModels media;

    public ClientModels(FollowService follows, MediaModels media) {
        this.follows = follows;
        this.media = media;
    }

    public AccountDto account(Account account) {
        String created = DateTimeFormatter.ISO_INSTANT.format(account.createdAt().truncatedTo(ChronoUnit.MILLIS));
        return new AccountDto(String.valueOf(account.id()), account.username(), account.acct(), account.displayName(),
                account.summary(), account.uri().toString(), account.uri().toString(), account.locked(), false, false,
                true, created, "", "", "", "", follows.followers(account).size(), follows.following(account).size(),
                0, List.of(), List.of());
    }

    public StatusDto status(Status status, Account author) {
        String created = DateTimeFormatter.ISO_INSTANT.format(status.createdAt().truncatedTo(ChronoUnit.MILLIS));
        return new StatusDto(String.valueOf(status.id()), status.uri().toString(), status.uri().toString(), created,
                account(author), status.contentHtml(), status.visibility().mastodonName(), false, "", null, null, null,
                0, 0, 0, media.ofStatus(status), List.of(), List.of(), List.of(), null, null, null);
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
