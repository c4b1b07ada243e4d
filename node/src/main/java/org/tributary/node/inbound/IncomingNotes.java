package org.tributary.node.inbound;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.Note;
import org.tributary.federation.vocab.Tag;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.interaction.InteractionStore;
import org.tributary.node.media.RemoteMediaReferences;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.post.HtmlSanitizer;
import org.tributary.node.post.Recipient;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusChanges;
import org.tributary.node.post.StatusRecipientStore;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusTagStore;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.timeline.HomeFeed;
import org.tributary.node.timeline.StatusVisibility;

/**
 * A peer's Note as a post here ({@code NoteToStatus}): sanitized content, content warning, language,
 * visibility from the addressing, recipients, hashtags, references to its media (nothing is fetched),
 * and the notifications it causes.
 *
 * <p>Recipients are the known accounts in {@code to}/{@code cc}; a Mention tag marks them as mentioned.
 * A Mention of an account the post does not address is kept (for display) only on organization posts,
 * so a tag alone never lets anyone read a followers-only or direct post.
 */
public final class IncomingNotes {
    private final HomeFeed homeFeed;
    private static final int MAX_LANGUAGE = 16;

    private final StatusStore statuses;
    private final StatusRecipientStore recipients;
    private final StatusTagStore tags;
    private final AccountStore accounts;
    private final HtmlSanitizer sanitizer;
    private final StatusVisibility visibility;
    private final NotificationService notifications;
    private final RemoteMediaReferences remoteMedia;
    private final IdGenerator ids;
    private final Clock clock;
    private final StatusChanges changes;
    private final InteractionStore interactions;
    private final List<IncomingPostPart> parts;

    public IncomingNotes(StatusStore statuses, StatusRecipientStore recipients, StatusTagStore tags,
            AccountStore accounts, HtmlSanitizer sanitizer, StatusVisibility visibility,
            NotificationService notifications, RemoteMediaReferences remoteMedia, HomeFeed homeFeed, IdGenerator ids,
            Clock clock, InteractionStore interactions, StatusChanges changes) {
        this(statuses, recipients, tags, accounts, sanitizer, visibility, notifications, remoteMedia, homeFeed, ids,
                clock, interactions, changes, List.of());
    }

    /** With the kinds of post (kudos, polls, ...) that keep rows of their own beside a stored post. */
    public IncomingNotes(StatusStore statuses, StatusRecipientStore recipients, StatusTagStore tags,
            AccountStore accounts, HtmlSanitizer sanitizer, StatusVisibility visibility,
            NotificationService notifications, RemoteMediaReferences remoteMedia, HomeFeed homeFeed, IdGenerator ids,
            Clock clock, InteractionStore interactions, StatusChanges changes, List<IncomingPostPart> parts) {
        this.interactions = interactions;
        this.changes = changes;
        this.parts = List.copyOf(parts);
        this.homeFeed = homeFeed;
        this.statuses = statuses;
        this.recipients = recipients;
        this.tags = tags;
        this.accounts = accounts;
        this.sanitizer = sanitizer;
        this.visibility = visibility;
        this.notifications = notifications;
        this.remoteMedia = remoteMedia;
        this.ids = ids;
        this.clock = clock;
    }

    /** Stores a new post; empty when its URI is known already (or was deleted here). */
    public Optional<Status> store(Connection connection, Note note, Account author, boolean notify)
            throws SQLException {
        return store(connection, note, JsonValue.EMPTY_JSON_OBJECT, author, notify);
    }

    /**
     * Stores a new post from {@code object}, the JSON it was read from ({@code note}), so that the kinds
     * of post can read their extra types and properties; empty when its URI is known already.
     */
    public Optional<Status> store(Connection connection, Note note, JsonObject object, Account author, boolean notify)
            throws SQLException {
        Status status = new Status(ids.next(), note.id(), author.id(), visibilityOf(note, author),
                sanitizer.sanitize(note.content()), note.inReplyTo(), false,
                note.published() == null ? clock.instant() : note.published(), spoilerOf(note), note.sensitive(),
                languageOf(note), null);
        if (!statuses.insertIfAbsent(connection, status)) {
            return Optional.empty();
        }
        storeAudience(connection, status, note, object, notify);
        remoteMedia.store(connection, note, author.id(), status.id());
        homeFeed.distribute(connection, status);
        for (IncomingPostPart part : parts) {
            part.stored(connection, status, note, object, author, true);
        }
        applyCounts(connection, status.id(), note);
        changes.changed(connection, status.id());
        return Optional.of(status);
    }

    /**
     * Applies an Update from the post's author. A count report (the Note carries {@code likes} or
     * {@code shares} and is otherwise what we hold: same text, warning, sensitivity, language and
     * {@code updated}) only sets the counts; anything else is an edit, as it always was, and its counts
     * (if any) are taken too.
     */
    public Status applyUpdate(Connection connection, Status existing, Note note, JsonObject object, Account author)
            throws SQLException {
        Status result = existing;
        if (!isCountReport(existing, note)) {
            result = applyEdit(connection, existing, note, object, author);
        }
        applyCounts(connection, existing.id(), note);
        return result;
    }

    private boolean isCountReport(Status existing, Note note) {
        boolean carriesCounts = totalItems(note, "likes").isPresent() || totalItems(note, "shares").isPresent();
        return carriesCounts && java.util.Objects.equals(note.updated(), existing.editedAt())
                && sanitizer.sanitize(note.content()).equals(existing.contentHtml())
                && spoilerOf(note).equals(existing.spoilerText()) && note.sensitive() == existing.sensitive()
                && java.util.Objects.equals(languageOf(note), existing.language());
    }

    /** The author's node counts likes and boosts; its {@code likes}/{@code shares} totals are what we show. */
    private void applyCounts(Connection connection, long statusId, Note note) throws SQLException {
        interactions.setReported(connection, statusId, totalItems(note, "likes"), totalItems(note, "shares"));
    }

    private static Optional<Long> totalItems(Note note, String collection) {
        JsonValue value = note.extensions().get(collection);
        if (value instanceof JsonObject object && object.get("totalItems") instanceof jakarta.json.JsonNumber number
                && number.isIntegral()) {
            return Optional.of(number.longValue());
        }
        return Optional.empty();
    }

    /** Applies an Update(Note) to the stored post, media included; the visibility of a post never changes. */
    public Status applyEdit(Connection connection, Status existing, Note note) throws SQLException {
        return applyEdit(connection, existing, note, JsonValue.EMPTY_JSON_OBJECT, null);
    }

    /** Applies an Update of {@code object}; the kinds of post update their rows ({@code author} wrote it). */
    public Status applyEdit(Connection connection, Status existing, Note note, JsonObject object, Account author)
            throws SQLException {
        Status edited = existing.edited(sanitizer.sanitize(note.content()), spoilerOf(note), note.sensitive(),
                languageOf(note), note.updated() == null ? clock.instant() : note.updated());
        statuses.update(connection, edited);
        storeAudience(connection, edited, note, object, true);
        remoteMedia.replace(connection, note, existing.accountId(), existing.id());
        if (author != null) {
            for (IncomingPostPart part : parts) {
                part.stored(connection, edited, note, object, author, false);
            }
        }
        changes.changed(connection, edited.id());
        return edited;
    }

    private void storeAudience(Connection connection, Status status, Note note, JsonObject object, boolean notify)
            throws SQLException {
        Set<URI> mentionHrefs = new LinkedHashSet<>();
        List<String> hashtags = new ArrayList<>();
        for (Tag tag : note.tag()) {
            if (As2.MENTION.equals(tag.type()) && tag.href() != null) {
                mentionHrefs.add(tag.href());
            } else if (As2.HASHTAG.equals(tag.type()) && tag.name() != null) {
                hashtags.add(tag.name());
            }
        }
        List<Recipient> named = new ArrayList<>();
        Set<URI> addressed = new LinkedHashSet<>(note.to());
        addressed.addAll(note.cc());
        for (URI uri : addressed) {
            Optional<Account> account = accounts.findByUri(connection, uri);
            account.ifPresent(found -> named.add(new Recipient(found.id(), mentionHrefs.contains(uri))));
        }
        if (status.visibility() == Visibility.ORGANIZATION) {
            for (URI href : mentionHrefs) {
                accounts.findByUri(connection, href).ifPresent(found -> named.add(new Recipient(found.id(), true)));
            }
        }
        recipients.replace(connection, status.id(), named);
        tags.replace(connection, status.id(), hashtags);
        if (notify) {
            notifyNamed(connection, status, named, object);
        }
    }

    /** The author of a local post this answers gets "reply"; other mentioned employees "mention" (if they may read it). */
    private void notifyNamed(Connection connection, Status status, List<Recipient> named, JsonObject object)
            throws SQLException {
        Optional<Long> parentAuthor = Optional.empty();
        if (status.inReplyTo() != null) {
            parentAuthor = statuses.findByUri(connection, status.inReplyTo()).map(Status::accountId);
        }
        if (parentAuthor.isPresent() && mayRead(connection, parentAuthor.get(), status)) {
            notifications.notify(connection, parentAuthor.get(), NotificationType.REPLY, status.accountId(),
                    status.id());
        }
        for (Recipient recipient : named) {
            boolean isParentAuthor = parentAuthor.isPresent() && parentAuthor.get() == recipient.accountId();
            if (recipient.mentioned() && !isParentAuthor && mayRead(connection, recipient.accountId(), status)) {
                notifications.notify(connection, recipient.accountId(),
                        mentionType(connection, object, recipient.accountId()), status.accountId(), status.id());
            }
        }
    }

    /** "mention", unless a kind of post tells its mentioned people otherwise (a kudos: "kudos"). */
    private NotificationType mentionType(Connection connection, JsonObject object, long accountId)
            throws SQLException {
        Optional<Account> account = accounts.findById(connection, accountId);
        if (account.isEmpty()) {
            return NotificationType.MENTION;
        }
        for (IncomingPostPart part : parts) {
            Optional<NotificationType> type = part.notificationFor(object, account.get());
            if (type.isPresent()) {
                return type.get();
            }
        }
        return NotificationType.MENTION;
    }

    private boolean mayRead(Connection connection, long accountId, Status status) throws SQLException {
        Optional<Account> account = accounts.findById(connection, accountId);
        return account.isPresent() && account.get().isLocal() && visibility.canSee(connection, account.get(), status);
    }

    /** Public → organization; the author's followers collection → followers; anything else → direct. */
    static Visibility visibilityOf(Note note, Account author) {
        List<URI> audience = new ArrayList<>(note.to());
        audience.addAll(note.cc());
        if (audience.stream().anyMatch(IncomingNotes::isPublic)) {
            return Visibility.ORGANIZATION;
        }
        if (author.followers() != null && audience.contains(author.followers())) {
            return Visibility.FOLLOWERS;
        }
        return Visibility.DIRECT;
    }

    private static boolean isPublic(URI uri) {
        // Peers write the Public collection in any of its three spellings.
        String text = uri.toString();
        return As2.PUBLIC.equals(uri) || text.equals("as:Public") || text.equals("Public");
    }

    private static String spoilerOf(Note note) {
        if (note.summary() == null) {
            return "";
        }
        String text = org.jsoup.Jsoup.parse(note.summary()).text().strip();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    /** The language of the content, from {@code contentMap}'s first key, when it looks like a language tag. */
    static String languageOf(Note note) {
        JsonValue map = note.extensions().get("contentMap");
        if (!(map instanceof JsonObject contentMap)) {
            return null;
        }
        for (Map.Entry<String, JsonValue> entry : contentMap.entrySet()) {
            if (entry.getValue() instanceof JsonString && entry.getKey().length() <= MAX_LANGUAGE
                    && entry.getKey().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,2}")) {
                return entry.getKey();
            }
        }
        return null;
    }
}
