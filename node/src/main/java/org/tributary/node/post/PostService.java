package org.tributary.node.post;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.config.LocalUris;
import org.tributary.node.http.ApiException;
import org.tributary.node.media.MediaService;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.timeline.HomeFeed;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Writing posts: format the text, store the post with its recipients, tags and media, notify the people
 * it mentions or answers, and queue its delivery, all in one transaction. Also the simple reads of posts.
 */
public final class PostService {
    public static final int MAX_CHARACTERS = 5000;
    public static final int MAX_SPOILER_CHARACTERS = 1000;
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,2}");

    private final HomeFeed homeFeed;
    private final Database database;
    private final StatusStore statuses;
    private final StatusRecipientStore recipients;
    private final StatusTagStore tags;
    private final AccountStore accounts;
    private final StatusViews views;
    private final PostDelivery delivery;
    private final NoteActivities notes;
    private final StatusTextFormatter formatter;
    private final MentionResolver mentions;
    private final StatusVisibility visibility;
    private final NotificationService notifications;
    private final MediaService media;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;
    private final StatusChanges changes;

    public PostService(Database database, StatusStore statuses, StatusRecipientStore recipients, StatusTagStore tags,
            AccountStore accounts, StatusViews views, PostDelivery delivery, NoteActivities notes,
            StatusTextFormatter formatter, MentionResolver mentions, StatusVisibility visibility,
            NotificationService notifications, MediaService media, HomeFeed homeFeed, LocalUris uris, IdGenerator ids,
            Clock clock, StatusChanges changes) {
        this.homeFeed = homeFeed;
        this.changes = changes;
        this.database = database;
        this.statuses = statuses;
        this.recipients = recipients;
        this.tags = tags;
        this.accounts = accounts;
        this.views = views;
        this.delivery = delivery;
        this.notes = notes;
        this.formatter = formatter;
        this.mentions = mentions;
        this.visibility = visibility;
        this.notifications = notifications;
        this.media = media;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    /** A plain post without reply, content warning or language. */
    public Status post(Account author, String text, Visibility level) {
        return post(author, PostRequest.text(text, level));
    }

    public Status post(Account author, PostRequest request) {
        return post(author, request, PostExtension.NONE);
    }

    /** A post of a particular kind: {@code extension} stores its rows and shapes its Create. */
    public Status post(Account author, PostRequest request, PostExtension extension) {
        validate(request);
        Optional<Status> parent = Optional.empty();
        if (request.inReplyToId() != null) {
            parent = Optional.of(find(request.inReplyToId()).filter(found -> visibility.canSee(author, found))
                    .orElseThrow(() -> ApiException.notFound("status")));
        }
        // Mentions of colleagues on other nodes are resolved by WebFinger: network, so outside the transaction.
        FormattedText formatted = formatter.format(request.text(), mentions);
        long id = ids.next();
        Instant now = clock.instant();
        URI uri = uris.status(author.username(), id);
        Status status = new Status(id, uri, author.id(), request.visibility(), formatted.html(),
                parent.map(Status::uri).orElse(null), true, now, request.spoilerText(), request.sensitive(),
                request.language(), null);
        Optional<Status> repliedTo = parent;
        return database.inTransaction(connection -> {
            statuses.insertIfAbsent(connection, status);
            statuses.setSourceText(connection, id, request.text());
            Optional<Long> parentAuthor = repliedTo.map(Status::accountId).filter(authorId -> authorId != author.id());
            storeAudience(connection, status, formatted, parentAuthor, extension::notificationFor);
            media.attach(connection, author, id, request.mediaIds());
            homeFeed.distribute(connection, status);
            StatusView view = views.of(connection, status);
            extension.store(connection, view);
            delivery.send(connection, extension.shapeCreate(notes.create(status, author, delivery.audience(view),
                    delivery.tags(view), delivery.attachments(view))), view, List.of());
            changes.changed(connection, id);
            return status;
        });
    }

    /**
     * Edits one's own post (Mastodon's PUT): new text, content warning and language; {@code edited_at}
     * is set and Update(Note) goes to everyone the post reached before or reaches now.
     */
    public Status edit(Account editor, long id, PostRequest request) {
        validate(request);
        Status original = ownPost(editor, id);
        FormattedText formatted = formatter.format(request.text(), mentions);
        Instant now = clock.instant();
        Status edited = original.edited(formatted.html(), request.spoilerText(), request.sensitive(),
                request.language() == null ? original.language() : request.language(), now);
        return database.inTransaction(connection -> {
            media.checkUnchangedOnEdit(connection, id, request.mediaIds());
            StatusView before = views.of(connection, original);
            statuses.update(connection, edited);
            statuses.setSourceText(connection, id, request.text());
            Optional<Long> parentAuthor = before.parent().map(Status::accountId)
                    .filter(authorId -> authorId != editor.id());
            storeAudience(connection, edited, formatted, parentAuthor);
            StatusView after = views.of(connection, edited);
            URI activityId = uris.activity(editor.username(), "updates", ids.next());
            delivery.send(connection, notes.update(activityId, edited, editor, delivery.audience(after),
                    delivery.tags(after), delivery.attachments(after)), after, before.recipients());
            changes.changed(connection, id);
            return edited;
        });
    }

    /**
     * Deletes one's own post: it keeps a tombstone row, loses its tags and notifications, its uploads go
     * back to the author (no longer readable by anyone else), and Delete(Tombstone) goes to everyone the
     * post reached. Returns the post as it was, media included, for "delete and redraft".
     */
    public StatusView delete(Account author, long id) {
        Status original = ownPost(author, id);
        return database.inTransaction(connection -> {
            StatusView view = views.of(connection, original);
            Instant now = clock.instant();
            statuses.markDeleted(connection, id, now);
            tags.deleteAll(connection, id);
            notifications.forgetStatus(connection, id);
            media.release(connection, id);
            URI activityId = uris.activity(author.username(), "deletes", ids.next());
            delivery.send(connection, notes.delete(activityId, original, author, delivery.audience(view), now), view,
                    List.of());
            changes.removed(connection, id);
            return view;
        });
    }

    /** The post, when {@code account} wrote it: 404 when they cannot see it, 403 when it is someone else's. */
    private Status ownPost(Account account, long id) {
        Status status = find(id).filter(found -> visibility.canSee(account, found))
                .orElseThrow(() -> ApiException.notFound("status"));
        if (status.accountId() != account.id()) {
            throw new ApiException(403, "not_author", "only the author may change or delete a post");
        }
        return status;
    }

    /**
     * Records who the post names and its tags, and notifies them: the replied-to author gets "reply",
     * every other mentioned employee "mention". Returns nothing; used again after an edit.
     */
    void storeAudience(Connection connection, Status status, FormattedText formatted, Optional<Long> parentAuthor)
            throws SQLException {
        storeAudience(connection, status, formatted, parentAuthor, mentioned -> NotificationType.MENTION);
    }

    private void storeAudience(Connection connection, Status status, FormattedText formatted,
            Optional<Long> parentAuthor, java.util.function.Function<Account, NotificationType> mentionType)
            throws SQLException {
        List<Recipient> named = new ArrayList<>();
        formatted.mentions().forEach(account -> named.add(new Recipient(account.id(), true)));
        parentAuthor.ifPresent(authorId -> named.add(new Recipient(authorId, false)));
        recipients.replace(connection, status.id(), named);
        tags.replace(connection, status.id(), formatted.tags());
        if (parentAuthor.isPresent()) {
            notifications.notify(connection, parentAuthor.get(), NotificationType.REPLY, status.accountId(),
                    status.id());
        }
        for (Account mentioned : formatted.mentions()) {
            if (parentAuthor.isEmpty() || parentAuthor.get() != mentioned.id()) {
                notifications.notify(connection, mentioned.id(), mentionType.apply(mentioned), status.accountId(),
                        status.id());
            }
        }
    }

    static void validate(PostRequest request) {
        if (request.text().isBlank() && request.mediaIds().isEmpty()) {
            throw ApiException.badRequest("empty_status", "a post needs some text or media");
        }
        if (request.text().length() > MAX_CHARACTERS) {
            throw new ApiException(422, "status_too_long", "posts are limited to " + MAX_CHARACTERS + " characters");
        }
        if (request.spoilerText().length() > MAX_SPOILER_CHARACTERS) {
            throw new ApiException(422, "spoiler_too_long",
                    "content warnings are limited to " + MAX_SPOILER_CHARACTERS + " characters");
        }
        if (request.language() != null && !LANGUAGE.matcher(request.language()).matches()) {
            throw new ApiException(422, "invalid_language", "language must be a language tag such as en or de-CH");
        }
    }

    /** One author's posts of the given visibilities, newest first. */
    public List<Status> byAccount(Account author, List<Visibility> visibilities, Page page) {
        return database.inTransaction(connection -> statuses.byAccount(connection, author.id(), visibilities, page));
    }

    public long countLocal() {
        return database.inTransaction(statuses::countLocal);
    }

    /** A live (not deleted) post by id, whoever may see it: callers apply {@link StatusVisibility}. */
    public Optional<Status> find(long id) {
        return database.inTransaction(connection -> statuses.findById(connection, id));
    }

    /** A deleted post's tombstone by id. */
    public Optional<StatusStore.Deleted> findDeleted(long id) {
        return database.inTransaction(connection -> statuses.findDeletedById(connection, id));
    }

    /** What the author typed, for a client about to edit. */
    public Optional<String> sourceText(long id) {
        return database.inTransaction(connection -> statuses.sourceText(connection, id));
    }

    public Optional<Account> author(Status status) {
        return database.inTransaction(connection -> accounts.findById(connection, status.accountId()));
    }
}
