package org.tributary.node.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tributary.federation.audit.AuditDigests;
import org.tributary.federation.audit.AuditEntry;
import org.tributary.federation.audit.CompactMerkleTree;
import org.tributary.federation.audit.CompleteSubtree;
import org.tributary.federation.audit.LeafHashSource;
import org.tributary.federation.audit.TreeHash;
import org.tributary.federation.http.HeaderMap;
import org.tributary.node.store.Database;

/**
 * The append-only log. One appender thread owns the sequence numbers and the in-memory
 * {@link CompactMerkleTree}: callers hand it records and wait until theirs is committed. The appender
 * takes everything queued (up to {@value #MAX_BATCH} records) and writes it in one transaction, so
 * concurrent callers share one commit (group commit) and appending never recomputes the tree: each record
 * costs its leaf hash, amortised O(1) interior hashes and one batched row.
 *
 * <p>A caller whose own write must commit with its entry (the inbox storing an activity: DESIGN's "logged
 * before 202") hands the log a {@link LoggedWrite} instead of a record: it runs inside the batch's
 * transaction and returns the record to append, so the write and its entry commit together or not at all,
 * in one durable commit rather than two in sequence.
 *
 * <p>Sequence numbers are gap-free: a batch that fails to commit leaves the tree as it was, and its
 * entries are tried again one by one, so one bad entry fails only its own caller. At construction the
 * tree is restored from the stored complete subtrees (O(log n) look-ups).
 */
public final class AuditLog implements AuditTrail, AutoCloseable {
    static final int MAX_BATCH = 512;

    /** Column widths of {@code audit_entries}: longer text is cut before hashing, so what is hashed is stored. */
    private static final int KIND = 64;
    private static final int PEER = 255;
    private static final int URI = 2048;
    private static final int TYPE = 64;
    private static final int RESULT = 1000;

    private final Database database;
    private final AuditLogStore store;
    private final Predicate<AuditRecord> isGossip;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread appender;
    private volatile boolean running = true;
    private volatile TreeState state;
    private CompactMerkleTree tree;

    /**
     * @param isGossip which records are checkpoint exchange itself (not news peers must hear about)
     */
    public AuditLog(Database database, AuditLogStore store, Predicate<AuditRecord> isGossip) {
        this.database = database;
        this.store = store;
        this.isGossip = isGossip;
        long size = database.inTransaction(store::size);
        this.tree = database.inTransaction(connection ->
                CompactMerkleTree.restore(new StoredLeafHashSource(connection, store, size), size));
        this.state = new TreeState(size, tree.root(), size);
        this.appender = new Thread(this::drain, "tributary-audit-appender");
        appender.setDaemon(true);
        appender.start();
    }

    /** Appends and waits until the entry is committed; returns its sequence number. */
    @Override
    public long record(AuditRecord record) {
        try {
            return appendAsync(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the audit log", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("the audit log could not append", e.getCause());
        }
    }

    /** Queues a record; the future completes with its sequence number once it is committed. */
    public CompletableFuture<Long> appendAsync(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        return enqueue((connection, sequence) -> record);
    }

    /**
     * A store write that commits in the same transaction as its log entry. It runs on the appender thread,
     * possibly more than once (a failed batch is retried entry by entry, each attempt rolled back), so it
     * must do nothing outside the transaction except remember its last result.
     */
    @FunctionalInterface
    public interface LoggedWrite {
        /**
         * Writes through {@code connection} and returns the record that describes what it wrote, which the
         * log appends as entry {@code sequence} (so the write may refer to it).
         */
        AuditRecord write(Connection connection, long sequence) throws SQLException;
    }

    /** Runs {@code write} in the next batch's transaction and appends the record it returns; both commit together. */
    public CompletableFuture<Long> appendWith(LoggedWrite write) {
        return enqueue(Objects.requireNonNull(write, "write"));
    }

    private CompletableFuture<Long> enqueue(LoggedWrite write) {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("the audit log is closed"));
        }
        Pending pending = new Pending(write, new CompletableFuture<>());
        queue.add(pending);
        return pending.done;
    }

    /** The committed size and root. */
    public TreeState state() {
        return state;
    }

    /**
     * Runs {@code work} against the committed tree frozen at its current size, inside one read transaction,
     * e.g. to generate proofs.
     */
    public <T> T readTree(Function<LeafHashSource, T> work) {
        long size = state.size();
        return database.inTransaction(connection -> work.apply(new StoredLeafHashSource(connection, store, size)));
    }

    @Override
    public void close() {
        running = false;
        try {
            appender.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(new IllegalStateException("the audit log closed"));
        }
    }

    private void drain() {
        while (running || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            List<Pending> batch = new ArrayList<>();
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            write(batch);
        }
    }

    private void write(List<Pending> batch) {
        try {
            commit(batch);
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).done.completeExceptionally(batchFailed);
                return;
            }
            for (Pending pending : batch) { // one bad entry must not fail its neighbours
                try {
                    commit(List.of(pending));
                } catch (RuntimeException e) {
                    pending.done.completeExceptionally(e);
                }
            }
        }
    }

    /** Writes the batch in one transaction; the tree moves on only when it committed. */
    private void commit(List<Pending> batch) {
        long base = tree.size();
        CompactMerkleTree working = CompactMerkleTree.restore(base, tree.peaks());
        long[] substantive = {state.substantiveSize()};
        database.inTransactionVoid(connection -> {
            List<AuditLogStore.NewRow> rows = new ArrayList<>(batch.size());
            List<CompleteSubtree> subtrees = new ArrayList<>(batch.size() * 2);
            for (Pending pending : batch) {
                AuditRecord record = Objects.requireNonNull(pending.write.write(connection, working.size()),
                        "logged record");
                AuditLogStore.NewRow row = toRow(working.size(), record);
                subtrees.addAll(working.append(row.leafHash()));
                rows.add(row);
                if (!isGossip.test(record)) {
                    substantive[0] = working.size();
                }
            }
            store.insert(connection, rows, subtrees);
        });
        tree = working;
        state = new TreeState(working.size(), working.root(), substantive[0]);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done.complete(base + i);
        }
    }

    private static AuditLogStore.NewRow toRow(long sequence, AuditRecord record) {
        HeaderMap headers = HeaderLines.parse(HeaderLines.format(record.headers()));
        AuditEntry entry = new AuditEntry(sequence, record.time(), record.direction(), cut(record.kind(), KIND),
                cut(record.peer(), PEER), cut(record.activityId(), URI), cut(record.activityType(), TYPE),
                cut(record.actor(), URI), cut(record.object(), URI), cut(record.result(), RESULT),
                AuditDigests.bodyDigest(record.body()), AuditDigests.headerDigest(headers));
        TreeHash leaf = entry.leafHash();
        return new AuditLogStore.NewRow(entry, leaf, record.body(), HeaderLines.format(headers));
    }

    /** Cuts text to a column's width on a code point boundary (never splitting a surrogate pair). */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private record Pending(LoggedWrite write, CompletableFuture<Long> done) {
    }
}
