package org.tributary.node.notification;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.post.Page;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;

/**
 * Writes notifications inside the transaction of the event that causes them (so a rolled-back post
 * notifies nobody) and reads an employee's own notifications. Only local accounts are notified, and
 * nobody is notified of their own doing.
 */
public final class NotificationService {
    private final Database database;
    private final NotificationStore notifications;
    private final AccountStore accounts;
    private final IdGenerator ids;
    private final Clock clock;

    public NotificationService(Database database, NotificationStore notifications, AccountStore accounts,
            IdGenerator ids, Clock clock) {
        this.database = database;
        this.notifications = notifications;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
    }

    /** Notifies {@code recipientId} in the caller's transaction; returns whether a notification was written. */
    public boolean notify(Connection connection, long recipientId, NotificationType type, long fromAccountId,
            Long statusId) throws SQLException {
        if (recipientId == fromAccountId) {
            return false;
        }
        Optional<Account> recipient = accounts.findById(connection, recipientId);
        if (recipient.isEmpty() || !recipient.get().isLocal()) {
            return false;
        }
        if (notifications.exists(connection, recipientId, type, fromAccountId, statusId)) {
            return false;
        }
        notifications.insert(connection, new Notification(ids.next(), recipientId, type, fromAccountId, statusId,
                clock.instant()));
        return true;
    }

    public List<Notification> list(Account viewer, List<NotificationType> types, Page page) {
        return database.inTransaction(connection -> notifications.page(connection, viewer.id(), types, page));
    }

    public Optional<Notification> find(Account viewer, long id) {
        return database.inTransaction(connection -> notifications.find(connection, viewer.id(), id));
    }

    /** Dismisses one of the viewer's notifications; returns false when the viewer has none with that id. */
    public boolean dismiss(Account viewer, long id) {
        return database.inTransaction(connection -> notifications.delete(connection, viewer.id(), id));
    }

    public void clear(Account viewer) {
        database.inTransactionVoid(connection -> notifications.deleteAll(connection, viewer.id()));
    }

    /** Removes a deleted post's notifications, in the caller's transaction. */
    public void forgetStatus(Connection connection, long statusId) throws SQLException {
        notifications.deleteForStatus(connection, statusId);
    }
}
