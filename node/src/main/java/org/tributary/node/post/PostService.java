package org.tributary.node.post;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.config.LocalUris;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.http.ApiException;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;

/** Writing posts: store the post and queue its delivery to followers' nodes in one transaction. */
public final class PostService {
    public static final int MAX_CHARACTERS = 5000;

    private final Database database;
    private final StatusStore statuses;
    private final FollowStore follows;
    private final AccountStore accounts;
    private final NoteActivities notes;
    private final Outbox outbox;
    private final PlainTextFormatter formatter;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;
    private final PostAttachments attachments;

    public PostService(Database database, StatusStore statuses, FollowStore follows, AccountStore accounts,
            NoteActivities notes, Outbox outbox, PlainTextFormatter formatter, LocalUris uris, IdGenerator ids,
            Clock clock, PostAttachments attachments) {
        this.database = database;
        this.statuses = statuses;
        this.follows = follows;
        this.accounts = accounts;
        this.notes = notes;
        this.outbox = outbox;
        this.formatter = formatter;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
        this.attachments = attachments;
    }

    public Status post(Account author, String text, Visibility visibility) {
        return post(author, text, visibility, List.of());
    }

    /** A post with the author's uploaded media ({@code mediaIds}, in order); with media the text may be empty. */
    public Status post(Account author, String text, Visibility visibility, List<Long> mediaIds) {
        if (mediaIds.isEmpty() && (text == null || text.isBlank())) {
            throw ApiException.badRequest("empty_status", "a post needs some text");
        }
        if (text.length() > MAX_CHARACTERS) {
            throw new ApiException(422, "status_too_long", "posts are limited to " + MAX_CHARACTERS + " characters");
        }
        long id = ids.next();
        Instant now = clock.instant();
        URI uri = uris.status(author.username(), id);
        Status status = new Status(id, uri, author.id(), visibility, formatter.toHtml(text == null ? "" : text), null,
                true, now);
        return database.inTransaction(connection -> {
            statuses.insertIfAbsent(connection, status);
            jakarta.json.JsonArray media = attachments.attach(connection, author, status, mediaIds);
            if (NoteActivities.federates(visibility) && visibility != Visibility.DIRECT) {
                List<Account> followers = new ArrayList<>();
                for (long followerId : follows.followerIds(connection, author.id())) {
                    accounts.findById(connection, followerId).ifPresent(followers::add);
                }
                NoteActivities.Audience audience = notes.audienceOf(status, author, List.of());
                outbox.send(connection, notes.create(status, author, audience, media), author, followers);
            }
            return status;
        });
    }

    /** One author's posts of the given visibilities, newest first. */
    public List<Status> byAccount(Account author, List<Visibility> visibilities, Page page) {
        return database.inTransaction(connection -> statuses.byAccount(connection, author.id(), visibilities, page));
    }

    public long countLocal() {
        return database.inTransaction(statuses::countLocal);
    }

    public java.util.Optional<Status> find(long id) {
        return database.inTransaction(connection -> statuses.findById(connection, id));
    }
}
