package org.tributary.node.inbound;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.media.RemoteMediaReferences;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusChanges;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusTagStore;
import org.tributary.node.store.Database;

/**
 * A colleague on another node deleted a post (the object is its id or a Tombstone). Guards: we have
 * that post; it is not ours; its stored author is the actor. Then it becomes a tombstone here: hidden
 * everywhere, its tags, notifications and media references gone.
 */
public final class DeleteNoteHandler implements ActivityHandler {
    private final Database database;
    private final StatusStore statuses;
    private final StatusTagStore tags;
    private final AccountStore accounts;
    private final NotificationService notifications;
    private final RemoteMediaReferences remoteMedia;
    private final VocabCodec codec;
    private final Clock clock;
    private final StatusChanges changes;

    public DeleteNoteHandler(Database database, StatusStore statuses, StatusTagStore tags, AccountStore accounts,
            NotificationService notifications, RemoteMediaReferences remoteMedia, VocabCodec codec, Clock clock,
            StatusChanges changes) {
        this.changes = changes;
        this.database = database;
        this.statuses = statuses;
        this.tags = tags;
        this.accounts = accounts;
        this.notifications = notifications;
        this.remoteMedia = remoteMedia;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity delete = codec.readActivity(inbound.json());
        URI objectId = delete.objectId();
        if (objectId == null) {
            return new HandlerResult.Ignored("Delete without an object");
        }
        return database.inTransaction(connection -> {
            Optional<Status> existing = statuses.findByUri(connection, objectId);
            if (existing.isEmpty() || existing.get().local()) {
                return new HandlerResult.Ignored("no remote post here with id " + objectId);
            }
            Optional<Account> actor = accounts.findByUri(connection, delete.actor());
            if (actor.isEmpty() || actor.get().id() != existing.get().accountId()) {
                return new HandlerResult.Ignored("only the author may delete a post");
            }
            long id = existing.get().id();
            statuses.markDeleted(connection, id, clock.instant());
            tags.deleteAll(connection, id);
            notifications.forgetStatus(connection, id);
            remoteMedia.forget(connection, id);
            changes.removed(connection, id);
            return HandlerResult.applied();
        });
    }
}
