package org.tributary.node.directory;

import java.util.ArrayList;
import java.util.List;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.ProfileStore;
import org.tributary.node.store.Database;

/**
 * The people this node lists. A department is small (hundreds, not millions), so the entries are
 * read and filtered here rather than through a query per search word.
 */
public final class Directory {
    public static final int MAX_LIMIT = 80;

    private final Database database;
    private final DirectoryStore store;
    private final AccountStore accounts;
    private final ProfileStore profiles;

    public Directory(Database database, DirectoryStore store, AccountStore accounts, ProfileStore profiles) {
        this.database = database;
        this.store = store;
        this.accounts = accounts;
        this.profiles = profiles;
    }

    /** A page of people matching {@code query} (every word; blank matches all). */
    public List<DirectoryEntry> list(String query, boolean localOnly, DirectoryStore.Order order, int offset,
            int limit) {
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        int skip = Math.max(0, offset);
        return database.inTransaction(connection -> {
            List<DirectoryEntry> page = new ArrayList<>();
            int matched = 0;
            for (long id : store.ids(connection, localOnly, order)) {
                var account = accounts.findById(connection, id);
                if (account.isEmpty()) {
                    continue;
                }
                DirectoryEntry entry = new DirectoryEntry(account.get(), profiles.find(connection, id));
                if (!entry.matches(query)) {
                    continue;
                }
                if (matched++ >= skip) {
                    page.add(entry);
                    if (page.size() == size) {
                        break;
                    }
                }
            }
            return page;
        });
    }
}
