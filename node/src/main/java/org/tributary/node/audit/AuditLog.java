package org.tributary.node.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tributary.federation.audit.AuditEntry;
import org.tributary.federation.audit.CompactMerkleTree;
import org.tributary.federation.audit.CompleteSubtree;
import org.tributary.federation.audit.LeafHashSource;
import org.tributary.federation.audit.TreeHash;
import org.tributary.node.store.Database;
import org.tributary.node.store.GroupCommit;
import org.tributary.node.store.StoreException;

/**
 * The append-only log, with group commit ({@link GroupCommit}, up to {@value #MAX_BATCH} records a batch):
 * concurrent callers share one durable commit and each returns once its own entry is committed. The batch
 * writer owns the sequence numbers and the in-memory {@link CompactMerkleTree}, so appending never
 * recomputes the tree: each record costs its leaf hash, amortised O(1) interior hashes and one batched row.
 * Callers digest their records first ({@link DigestedRecord}), side by side, so the one writer does little
 * more than number and hash.
 *
 * <p>A caller whose own write must commit with its entry (the inbox storing an activity: DESIGN's "logged
 * before 202") hands the log a {@link LoggedWrite} instead of a record: it runs inside the batch's
 * transaction and returns the record to append, so the write and its entry commit together or not at all,
 * in one durable commit rather than two in sequence.
 *
 * <p>Sequence numbers are gap-free: a batch that fails to commit leaves the tree as it was, and its
 * entries are tried again one by one, so one bad entry fails only its own caller. A batch refused by a unique
 * key is first written again whole, once: the inbox's writes leave "is this activity known?" to the unique
 * inbox key on their first attempt and ask on the next ({@link LoggedInboxStore}), so a replay costs one
 * transaction more, not one per entry of its batch. At construction the
 * tree is restored from the stored complete subtrees (O(log n) look-ups).
 */
public final class AuditLog implements AuditTrail, AutoCloseable {
    static final int MAX_BATCH = 512;

    private final Database database;
    private final AuditLogStore store;
    private final Predicate<AuditRecord> isGossip;
    private final GroupCommit<LoggedWrite, Long> commits;
    private volatile boolean open = true;
    private volatile TreeState state;
    private CompactMerkleTree tree; // written only by the batch writer, one batch at a time
    private OpenLeafBlock openBlock; // likewise

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
        this.openBlock = database.inTransaction(connection -> OpenLeafBlock.restore(connection, store, size));
        this.state = new TreeState(size, tree.root(), size);
        this.commits = new GroupCommit<>(MAX_BATCH, this::commit,
                failure -> failure instanceof StoreException refused && refused.isDuplicateKey());
    }

    /** Appends and waits until the entry is committed; returns its sequence number. */
    @Override
    public long record(AuditRecord record) {
        DigestedRecord digested = DigestedRecord.of(record); // on the caller's thread, not the writer's
        return append((connection, sequence) -> digested);
    }

    /**
     * A store write that commits in the same transaction as its log entry. It runs on whichever thread
     * commits the batch, possibly more than once (a failed batch is retried entry by entry, each attempt
     * rolled back), so it must do nothing outside the transaction except remember its last result.
     */
    @FunctionalInterface
    public interface LoggedWrite {
        /**
         * Writes through {@code connection} and returns the record that describes what it wrote, which the
         * log appends as entry {@code sequence} (so the write may refer to it). Digest the record beforehand
         * where possible ({@link DigestedRecord#of}): this runs on the one writer thread.
         */
        DigestedRecord write(Connection connection, long sequence) throws SQLException;
    }

    /**
     * Runs {@code write} in a batch's transaction and appends the record it returns; both commit together.
     * Returns the entry's sequence number once committed.
     */
    public long appendWith(LoggedWrite write) {
        return append(Objects.requireNonNull(write, "write"));
    }

    private long append(LoggedWrite write) {
        if (!open) {
            throw new IllegalStateException("the audit log is closed");
        }
        return commits.submit(write);
    }

    /** How many appends wait for a batch (for tests). */
    int queued() {
        return commits.queued();
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

    /** Refuses new records; callers already queued still commit. */
    @Override
    public void close() {
        open = false;
    }

    /**
     * Writes the batch in one transaction and returns the entries' sequence numbers; the tree moves on only
     * when it committed.
     */
    private List<Long> commit(List<LoggedWrite> batch) {
        long base = tree.size();
        CompactMerkleTree working = CompactMerkleTree.restore(base, tree.peaks());
        long[] substantive = {state.substantiveSize()};
        OpenLeafBlock.Appended[] appended = new OpenLeafBlock.Appended[1];
        database.inTransactionVoid(connection -> {
            List<AuditLogStore.NewRow> rows = new ArrayList<>(batch.size());
            List<CompleteSubtree> subtrees = new ArrayList<>(batch.size() / 8 + 2);
            List<TreeHash> leaves = new ArrayList<>(batch.size());
            for (LoggedWrite write : batch) {
                DigestedRecord record = Objects.requireNonNull(write.write(connection, working.size()),
                        "logged record");
                AuditLogStore.NewRow row = toRow(working.size(), record);
                subtrees.addAll(working.append(row.leafHash()));
                leaves.add(row.leafHash());
                rows.add(row);
                if (!isGossip.test(record.record())) {
                    substantive[0] = working.size();
                }
            }
            appended[0] = openBlock.append(leaves);
            store.insert(connection, rows, subtrees, appended[0].rows());
        });
        tree = working;
        openBlock = appended[0].open();
        state = new TreeState(working.size(), working.root(), substantive[0]);
        List<Long> sequences = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            sequences.add(base + i);
        }
        return sequences;
    }

    private static AuditLogStore.NewRow toRow(long sequence, DigestedRecord record) {
        AuditEntry entry = record.entryAt(sequence);
        return new AuditLogStore.NewRow(entry, entry.leafHash(), record.body(), record.headerLines(),
                record.inboxKey());
    }

    /** Cuts text to a column's width on a code point boundary (never splitting a surrogate pair). */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

}
