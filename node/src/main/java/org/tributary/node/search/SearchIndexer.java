package org.tributary.node.search;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountChanges;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.Profile;
import org.tributary.node.account.ProfileStore;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusChanges;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusTagStore;
import org.tributary.node.store.Database;
import org.tributary.node.store.Jdbc;

/**
 * Keeps the index in step with the store: a post is (re)indexed after the transaction that stored or
 * edited it commits, and dropped after its deletion commits; a person after any change to their
 * account or profile (suspended people and the instance actor are not indexed). What is indexed is
 * read back from the store, so the index never holds something that was rolled back. A failure to
 * index is logged, never turned into a failed post.
 */
public final class SearchIndexer implements StatusChanges, AccountChanges {
    private static final Logger LOG = System.getLogger(SearchIndexer.class.getName());
    private static final int BATCH = 500;

    private final Database database;
    private final SearchIndex index;
    private final StatusStore statuses;
    private final StatusTagStore tags;
    private final AccountStore accounts;
    private final ProfileStore profiles;

    public SearchIndexer(Database database, SearchIndex index, StatusStore statuses, StatusTagStore tags,
            AccountStore accounts, ProfileStore profiles) {
        this.database = database;
        this.index = index;
        this.statuses = statuses;
        this.tags = tags;
        this.accounts = accounts;
        this.profiles = profiles;
    }

    @Override
    public void changed(Connection connection, long statusId) {
        database.afterCommit(connection, () -> safely(() -> indexStatus(statusId)));
    }

    @Override
    public void removed(Connection connection, long statusId) {
        database.afterCommit(connection, () -> safely(() -> index.removeStatus(statusId)));
    }

    @Override
    public void changed(long accountId) {
        safely(() -> indexAccount(accountId));
    }

    /** Indexes everything in the store when the index is empty (new, lost or deleted); returns whether it did. */
    public boolean rebuildIfEmpty() {
        if (!index.isEmpty()) {
            return false;
        }
        for (long id : idsAfter("accounts")) {
            indexAccount(id);
        }
        for (long id : idsAfter("statuses")) {
            indexStatus(id);
        }
        return true;
    }

    private List<Long> idsAfter(String table) {
        List<Long> all = new java.util.ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            List<Long> batch = database.inTransaction(connection -> Jdbc.query(connection, "SELECT id FROM " + table
                    + " WHERE id > ? ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY", row -> row.getLong(1), from));
            all.addAll(batch);
            if (batch.size() < BATCH) {
                return all;
            }
            after = batch.get(batch.size() - 1);
        }
    }

    void indexStatus(long statusId) {
        record Loaded(Status status, List<String> tags) {
        }
        Optional<Loaded> loaded = database.inTransaction(connection -> {
            Optional<Status> status = statuses.findById(connection, statusId);
            if (status.isEmpty()) {
                return Optional.<Loaded>empty();
            }
            return Optional.of(new Loaded(status.get(), tags.of(connection, statusId)));
        });
        if (loaded.isEmpty()) {
            index.removeStatus(statusId);
            return;
        }
        Status status = loaded.get().status();
        String text = status.spoilerText() + " " + Jsoup.parse(status.contentHtml()).text() + " "
                + String.join(" ", loaded.get().tags());
        index.putStatus(statusId, text, loaded.get().tags());
    }

    void indexAccount(long accountId) {
        record Loaded(Account account, Profile profile) {
        }
        Optional<Loaded> loaded = database.inTransaction(connection -> {
            Optional<Account> account = accounts.findById(connection, accountId);
            if (account.isEmpty()) {
                return Optional.<Loaded>empty();
            }
            return Optional.of(new Loaded(account.get(), profiles.find(connection, accountId)));
        });
        if (loaded.isEmpty() || loaded.get().account().suspended() || loaded.get().account().isInstanceActor()) {
            index.removeAccount(accountId);
            return;
        }
        Account account = loaded.get().account();
        Profile profile = loaded.get().profile();
        String text = String.join(" ", account.username(), account.acct(), account.displayName(),
                profile.department(), profile.title(), profile.location(), Jsoup.parse(account.summary()).text());
        index.putAccount(accountId, text);
    }

    private static void safely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "search index update failed; the index may miss this change until rebuilt", e);
        }
    }
}
