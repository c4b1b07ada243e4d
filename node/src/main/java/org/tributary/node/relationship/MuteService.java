package org.tributary.node.relationship;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.http.ApiException;
import org.tributary.node.post.Page;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;

/**
 * Muting is private to the muter and never federated: the muted account's posts and boosts leave the
 * muter's home timeline, and (unless asked otherwise) their notifications are hidden too.
 */
public final class MuteService {
    /** A muted account with the mute's id, for paging. */
    public record Entry(long muteId, Account account) {
    }

    private final Database database;
    private final MuteStore mutes;
    private final AccountStore accounts;
    private final IdGenerator ids;
    private final Clock clock;

    public MuteService(Database database, MuteStore mutes, AccountStore accounts, IdGenerator ids, Clock clock) {
        this.database = database;
        this.mutes = mutes;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
    }

    public void mute(Account muter, Account target, boolean hideNotifications) {
        if (muter.id() == target.id()) {
            throw new ApiException(422, "self_mute", "you cannot mute yourself");
        }
        database.inTransactionVoid(connection -> mutes.upsert(connection,
                new Mute(ids.next(), muter.id(), target.id(), hideNotifications, clock.instant())));
    }

    public void unmute(Account muter, Account target) {
        database.inTransactionVoid(connection -> mutes.delete(connection, muter.id(), target.id()));
    }

    public List<Entry> muted(Account muter, Page page) {
        return database.inTransaction(connection -> {
            List<Entry> entries = new ArrayList<>();
            for (Mute mute : mutes.byAccount(connection, muter.id(), page)) {
                accounts.findById(connection, mute.targetId())
                        .ifPresent(account -> entries.add(new Entry(mute.id(), account)));
            }
            return entries;
        });
    }
}
