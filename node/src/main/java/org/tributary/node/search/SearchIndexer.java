package org.tributary.node.search;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tributary.node.account.AccountChanges;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.ProfileStore;
import org.tributary.node.post.StatusChanges;
import org.tributary.node.store.Database;

/**
 * Keeps the index in step with the store, off the paths that change the store: a post is queued once the
 * transaction that stored, edited or deleted it commits, a person after any change to their account or
 * profile, and one thread of the indexer's own applies the queue in batches, each read from the store in
 * one transaction (what is indexed is always the store's committed state, so the index never holds
 * something that was rolled back). A failure to index is logged, never turned into a failed post.
 *
 * <p>Durability: the index is committed at most every {@link #COMMIT_INTERVAL} and at close, each commit
 * recording an {@link IndexWatermark}. At start the thread first catches up: an empty index (new, lost or
 * deleted) is built from the whole store, streamed in pages of {@link #PAGE} posts with one commit at the
 * end; otherwise what a crash may have lost since the last commit's watermark is read again (the rule is
 * on {@link IndexWatermark}). Until the catch-up is done no commit claims more than the index holds: an
 * interrupted build is not committed at all (the next start builds again), an interrupted re-read
 * keeps the old watermark.
 */
public final class SearchIndexer implements StatusChanges, AccountChanges, AutoCloseable {
    private static final Logger LOG = System.getLogger(SearchIndexer.class.getName());
    /** How often the index is made durable while changes come in. */
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);
    /** Posts per transaction when building or re-reading from the store. */
    static final int PAGE = 1_000;
    /** Queued changes per transaction. */
    static final int BATCH = 256;
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    /** How far the index has caught up with the store since it was opened. */
    enum CatchUp {
        /** Nothing done yet: an empty index must be built, a populated one re-read from its watermark. */
        PENDING,
        /** Built from the whole store (it was empty). */
        BUILT,
        /** What the last run may have lost was read again. */
        RECOVERED
    }

    /** What a catch-up did: which kind, and how many posts and people it read from the store. */
    record CatchUpReport(CatchUp kind, long posts, long people) {
    }

    private final Database database;
    private final SearchIndex index;
    private final IndexQueue queue;
    private final IndexSource source;
    private final Clock clock;
    /** What the last durable commit promised when the index was opened; empty for an empty index. */
    private final Optional<IndexWatermark> opened;
    private final Object lifecycle = new Object();
    private Thread worker;
    private volatile boolean stopping;
    private volatile CatchUp caughtUp = CatchUp.PENDING;
    /** A failed batch holds the watermark back, so the next start reads its changes again. */
    private long failedSinceMillis = Long.MAX_VALUE;
    private long lastCommitNanos = System.nanoTime();

    public SearchIndexer(Database database, SearchIndex index, AccountStore accounts, ProfileStore profiles,
            Clock clock) {
        this.database = database;
        this.index = index;
        this.queue = index.queue();
        this.source = new IndexSource(accounts, profiles);
        this.clock = clock;
        this.opened = index.isEmpty() ? Optional.empty()
                // A populated index committed without a watermark (written directly): read everything again.
                : Optional.of(IndexWatermark.of(index.committedData()).orElseGet(() -> new IndexWatermark(Instant.EPOCH)));
    }

    @Override
    public void changed(Connection connection, long statusId) {
        database.afterCommit(connection, () -> queue(IndexQueue.Kind.STATUS, statusId));
    }

    @Override
    public void removed(Connection connection, long statusId) {
        // Queued like an edit: the thread finds the post gone from the store and drops its document.
        database.afterCommit(connection, () -> queue(IndexQueue.Kind.STATUS, statusId));
    }

    @Override
    public void changed(long accountId) {
        queue(IndexQueue.Kind.ACCOUNT, accountId);
    }

    private void queue(IndexQueue.Kind kind, long id) {
        queue.add(new IndexQueue.Key(kind, id), clock.millis());
    }

    /** Starts the indexer's thread: it catches up with the store, then applies changes as they are queued. */
    public void start() {
        synchronized (lifecycle) {
            if (worker != null || stopping) {
                return;
            }
            worker = new Thread(this::run, "tributary-search-index");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void run() {
        while (!stopping) {
            try {
                if (caughtUp == CatchUp.PENDING) {
                    catchUp();
                }
                applyQueued(waitMillis());
                commitIfDue();
            } catch (StoppedException e) {
                return; // close() finishes from here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the search indexer failed; it tries again in a second", e);
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long waitMillis() {
        if (!index.hasUncommittedChanges()) {
            return 1_000;
        }
        long due = COMMIT_INTERVAL.toMillis() - (System.nanoTime() - lastCommitNanos) / 1_000_000;
        return Math.max(1, due);
    }

    /** Builds an empty index from the store, or re-reads what the last run may have lost; commits. */
    CatchUpReport catchUp() throws InterruptedException {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        CatchUpReport report;
        if (opened.isEmpty()) {
            long people = indexAllPeople();
            long posts = indexPostsAfter(0);
            report = new CatchUpReport(CatchUp.BUILT, posts, people);
        } else {
            IndexWatermark from = opened.get();
            long people = indexAllPeople();
            long posts = indexPostsAfter(from.recheckPostsFrom() - 1) + indexEditedSince(from.recheckEditsFrom());
            report = new CatchUpReport(CatchUp.RECOVERED, posts, people);
        }
        caughtUp = report.kind();
        commit(started);
        LOG.log(Level.INFO, "search index {0} from the store: {1} posts and {2} people read in {3} ms{4}",
                report.kind() == CatchUp.BUILT ? "built" : "caught up", report.posts(), report.people(),
                (System.nanoTime() - startNanos) / 1_000_000,
                opened.map(from -> ", changes since " + from.appliedBefore()).orElse(""));
        return report;
    }

    private long indexAllPeople() throws InterruptedException {
        long count = 0;
        long after = 0;
        while (true) {
            long from = after;
            var page = database.inTransaction(connection -> source.peopleAfter(connection, from, PAGE));
            for (var person : page) {
                person.getValue().ifPresentOrElse(text -> index.putAccount(text.id(), text.text()),
                        () -> index.removeAccount(person.getKey()));
            }
            count += page.size();
            if (page.size() < PAGE) {
                return count;
            }
            after = page.get(page.size() - 1).getKey();
            betweenPages();
        }
    }

    private long indexPostsAfter(long afterId) throws InterruptedException {
        long count = 0;
        long after = afterId;
        while (true) {
            long from = after;
            IndexSource.Page page = database.inTransaction(connection -> source.postsAfter(connection, from, PAGE));
            page.posts().forEach(post -> index.putStatus(post.id(), post.text(), post.tags()));
            count += page.posts().size();
            if (page.posts().size() < PAGE) {
                return count;
            }
            after = page.lastId();
            betweenPages();
        }
    }

    private long indexEditedSince(Instant since) throws InterruptedException {
        List<Long> edited = database.inTransaction(connection -> source.editedSince(connection, since));
        for (int from = 0; from < edited.size(); from += InList.MAX) {
            List<Long> chunk = edited.subList(from, Math.min(edited.size(), from + InList.MAX));
            write(database.inTransaction(connection -> source.load(connection, chunk, List.of())));
            betweenPages();
        }
        return edited.size();
    }

    /** Between pages of a catch-up: queued changes go first (people posting now should not wait), or stop. */
    private void betweenPages() throws InterruptedException {
        if (stopping) {
            throw new StoppedException();
        }
        applyAllQueued();
    }

    /** Takes one batch of queued changes (waiting up to {@code waitMillis} for some) and applies it. */
    private void applyQueued(long waitMillis) throws InterruptedException {
        IndexQueue.Batch batch = queue.take(BATCH, waitMillis);
        if (batch.isEmpty()) {
            return;
        }
        List<Long> statusIds = new ArrayList<>();
        List<Long> accountIds = new ArrayList<>();
        for (IndexQueue.Key key : batch.keys()) {
            (key.kind() == IndexQueue.Kind.STATUS ? statusIds : accountIds).add(key.id());
        }
        try {
            write(database.inTransaction(connection -> source.load(connection, statusIds, accountIds)));
        } catch (RuntimeException e) {
            failedSinceMillis = Math.min(failedSinceMillis, batch.queuedAtMillis());
            LOG.log(Level.WARNING, "search index update failed for " + batch.keys().size()
                    + " changes; the next start reads them again", e);
        } finally {
            queue.applied(batch);
        }
    }

    private void write(IndexSource.Loaded loaded) {
        loaded.posts().forEach(post -> index.putStatus(post.id(), post.text(), post.tags()));
        loaded.goneStatuses().forEach(index::removeStatus);
        loaded.people().forEach(person -> index.putAccount(person.id(), person.text()));
        loaded.goneAccounts().forEach(index::removeAccount);
    }

    private void commitIfDue() {
        if (index.hasUncommittedChanges()
                && System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL.toNanos()) {
            commit(Instant.MAX);
        }
    }

    /**
     * Makes the index durable with the watermark it has earned: the oldest change still queued (or now),
     * but never later than {@code atMost}, a failed batch, or, before the catch-up is done, the watermark
     * the index was opened with. A build from the store is not committed before it is complete.
     */
    private void commit(Instant atMost) {
        if (caughtUp == CatchUp.PENDING && opened.isEmpty()) {
            return;
        }
        long appliedBefore = Math.min(queue.appliedBeforeMillis(clock.millis()), failedSinceMillis);
        Instant watermark = Instant.ofEpochMilli(appliedBefore);
        if (atMost.isBefore(watermark)) {
            watermark = atMost;
        }
        if (caughtUp == CatchUp.PENDING && opened.isPresent() && opened.get().appliedBefore().isBefore(watermark)) {
            watermark = opened.get().appliedBefore();
        }
        index.commit(new IndexWatermark(watermark).commitData());
        lastCommitNanos = System.nanoTime();
    }

    /**
     * Stops the thread, applies what is still queued and commits; then closes the index. A build from the
     * store that did not finish is dropped instead, so the next start builds again.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            stopping = true;
            running = worker;
        }
        queue.wakeUp();
        try {
            if (running != null) {
                running.join(STOP_WAIT.toMillis());
            }
            if (caughtUp == CatchUp.PENDING && opened.isEmpty()) {
                index.abandon();
                return;
            }
            if (running != null && running.isAlive()) {
                LOG.log(Level.WARNING, "the search indexer did not stop in time; closing the index under it");
            }
            applyAllQueued();
            commit(Instant.MAX);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not commit the search index at close; the next start reads the changes again",
                    e);
        }
        index.close();
    }

    /** Applies everything queued now, on the calling thread (at close, and in tests). */
    void applyAllQueued() throws InterruptedException {
        while (!queue.isEmpty()) {
            applyQueued(0);
        }
    }

    /** Thrown inside a catch-up when the indexer is closed. */
    private static final class StoppedException extends RuntimeException {
        StoppedException() {
            super(null, null, false, false);
        }
    }
}
