package org.tributary.node.post;

import jakarta.json.JsonArray;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.Tag;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.delivery.Outbox;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.hashtag.TagSubscriberStore;
import org.tributary.node.media.NoteAttachments;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.outbound.NoteTags;

/**
 * Who a post's activities go to: the author's followers (except for direct posts), every account it
 * addresses by name and, for organization posts with hashtags, every peer node subscribed to one of
 * those tags (spec/hashtags.md). Department posts go nowhere. Queued in the caller's transaction; a node
 * reached several ways gets one request.
 */
public final class PostDelivery {
    private final FollowStore follows;
    private final AccountStore accounts;
    private final NoteActivities notes;
    private final NoteTags noteTags;
    private final NoteAttachments noteAttachments;
    private final Outbox outbox;
    private final TagSubscriberStore tagSubscribers;

    public PostDelivery(FollowStore follows, AccountStore accounts, NoteActivities notes, NoteTags noteTags,
            NoteAttachments noteAttachments, Outbox outbox, TagSubscriberStore tagSubscribers) {
        this.tagSubscribers = tagSubscribers;
        this.follows = follows;
        this.accounts = accounts;
        this.notes = notes;
        this.noteTags = noteTags;
        this.noteAttachments = noteAttachments;
        this.outbox = outbox;
    }

    /** The Note's addressing: the post's visibility and the URIs of the accounts it names. */
    public NoteActivities.Audience audience(StatusView view) {
        return notes.audienceOf(view.status(), view.author(), uris(view.recipients()));
    }

    public List<Tag> tags(StatusView view) {
        return noteTags.of(view.mentions(), view.tags());
    }

    /** The Note's {@code attachment} objects: the post's media (spec/media.md). */
    public JsonArray attachments(StatusView view) {
        return noteAttachments.toJson(view.media());
    }

    /**
     * Sends {@code activity} about {@code view}'s post to its followers (unless direct) and recipients,
     * plus {@code alsoTo} (e.g. the accounts an edit no longer addresses, so they drop their copy).
     */
    public void send(Connection connection, Activity activity, StatusView view, List<Account> alsoTo)
            throws SQLException {
        Status status = view.status();
        if (!NoteActivities.federates(status.visibility())) {
            return;
        }
        Map<Long, Account> targets = new LinkedHashMap<>();
        if (status.visibility() != Visibility.DIRECT) {
            for (long followerId : follows.followerIds(connection, status.accountId())) {
                accounts.findById(connection, followerId).ifPresent(account -> targets.put(account.id(), account));
            }
        }
        view.recipients().forEach(account -> targets.put(account.id(), account));
        alsoTo.forEach(account -> targets.put(account.id(), account));
        List<URI> subscribedNodes = List.of();
        if (status.visibility() == Visibility.ORGANIZATION && status.local() && !view.tags().isEmpty()) {
            subscribedNodes = new ArrayList<>(tagSubscribers.inboxesFor(connection, view.tags()));
        }
        outbox.send(connection, activity, view.author(), new ArrayList<>(targets.values()), subscribedNodes);
    }

    private static List<URI> uris(List<Account> accounts) {
        return accounts.stream().map(Account::uri).toList();
    }
}
