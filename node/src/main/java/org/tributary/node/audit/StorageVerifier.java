package org.tributary.node.audit;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.tributary.federation.audit.CompactMerkleTree;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.audit.TreeHash;
import org.tributary.node.audit.StorageVerification.Failed;
import org.tributary.node.audit.StorageVerification.Problem;
import org.tributary.node.store.Database;

/**
 * {@code audit verify}: recomputes the whole tree from the stored entries (one streaming pass, O(log n)
 * memory) and checks it against every signed checkpoint. Names the first bad entry:
 * <ul>
 *   <li>an edited entry no longer hashes to its stored leaf ({@code ENTRY_ALTERED}); if the leaf column was
 *       rewritten too, the leaf kept apart when it was appended or, failing that, the checkpoint root gives it away;</li>
 *   <li>a deleted entry, or two swapped ones, leave the wrong sequence number (or the wrong leaf) at a
 *       position ({@code ENTRY_MISSING} / {@code ENTRY_ALTERED});</li>
 *   <li>a truncated log is shorter than its newest checkpoint ({@code TRUNCATED}).</li>
 * </ul>
 * Then it checks that the keys searches go by ({@code audit_entry_keys}) match the entries they point at
 * ({@code KEYS_ALTERED}).
 */
public final class StorageVerifier {
    private final Database database;
    private final AuditLogStore entries;
    private final AuditEntryKeys keys;
    private final CheckpointStore checkpoints;

    public StorageVerifier(Database database, AuditLogStore entries, AuditEntryKeys keys,
            CheckpointStore checkpoints) {
        this.database = database;
        this.entries = entries;
        this.keys = keys;
        this.checkpoints = checkpoints;
    }

    public StorageVerification verify(PublicKey nodeKey, java.net.URI origin) {
        return database.inTransaction(connection -> verify(connection, nodeKey, origin));
    }

    private StorageVerification verify(Connection connection, PublicKey nodeKey, java.net.URI origin)
            throws SQLException {
        List<SignedCheckpoint> signed = checkpoints.all(connection);
        Optional<Failed> badCheckpoint = checkCheckpoints(signed, nodeKey, origin);
        if (badCheckpoint.isPresent()) {
            return badCheckpoint.get();
        }
        Pass pass = new Pass(signed.iterator());
        try {
            entries.forEach(connection, 0, Long.MAX_VALUE, new AuditLogStore.EntryVisitor() {
                @Override
                public void visit(StoredAuditEntry entry) throws SQLException {
                    pass.accept(connection, entry);
                }

                @Override
                public void malformed(long sequence, String problem) {
                    pass.fail(new Failed(Problem.MALFORMED_ENTRY, OptionalLong.of(Math.min(sequence, pass.expected)),
                            "entry " + sequence + " cannot be read: " + problem));
                }
            });
        } catch (Stop stop) {
            return stop.failure;
        }
        if (pass.next != null) {
            long size = pass.next.checkpoint().treeSize();
            return new Failed(Problem.TRUNCATED, OptionalLong.of(pass.expected), "the log ends after "
                    + pass.expected + " entries but a checkpoint signed at " + pass.next.checkpoint().timestamp()
                    + " covers " + size + "; entry " + pass.expected + " is the first missing");
        }
        OptionalLong badKeys = keys.firstBadKeys(connection);
        if (badKeys.isPresent()) {
            return new Failed(Problem.KEYS_ALTERED, badKeys, "the search keys (time, peer, kind) of entry "
                    + badKeys.getAsLong() + " do not match it or are missing: searches by those could miss entries. "
                    + "The entries verified; delete the rows of audit_entry_keys from seq " + badKeys.getAsLong()
                    + " on, and the node copies them again from the entries as its log grows");
        }
        return new StorageVerification.Verified(pass.expected, signed.size());
    }

    private static Optional<Failed> checkCheckpoints(List<SignedCheckpoint> signed, PublicKey key, java.net.URI origin) {
        SignedCheckpoint previous = null;
        for (SignedCheckpoint checkpoint : signed) {
            if (!checkpoint.verify(key) || !checkpoint.checkpoint().origin().equals(origin)) {
                return Optional.of(new Failed(Problem.BAD_CHECKPOINT_SIGNATURE, OptionalLong.empty(),
                        "the checkpoint of size " + checkpoint.checkpoint().treeSize()
                                + " is not signed by this node's key for " + origin));
            }
            if (previous != null
                    && !checkpoint.checkpoint().timestamp().isAfter(previous.checkpoint().timestamp())) {
                return Optional.of(new Failed(Problem.CHECKPOINTS_OUT_OF_ORDER, OptionalLong.empty(),
                        "the checkpoint of size " + checkpoint.checkpoint().treeSize() + " is not later than the one of "
                                + "size " + previous.checkpoint().treeSize()));
            }
            previous = checkpoint;
        }
        return Optional.empty();
    }

    /** The state of one verification pass. */
    private final class Pass {
        private final Iterator<SignedCheckpoint> pending;
        private final CompactMerkleTree tree = new CompactMerkleTree();
        private SignedCheckpoint next;
        private long lastGoodCheckpointSize;
        private long expected;

        // Kept leaves are read a block (16 entries) at a time. Every entry has one: in a row of leaf blocks, or
        // for entries appended before V102 in a level-0 row of audit_subtrees.
        private long keptBlock = -1;
        private TreeHash[] keptLeaves;

        Pass(Iterator<SignedCheckpoint> pending) {
            this.pending = pending;
            advance();
        }

        private TreeHash keptLeaf(Connection connection, long sequence) throws SQLException {
            long block = sequence / AuditLogStore.LEAVES_PER_BLOCK;
            if (block != keptBlock) {
                keptLeaves = entries.keptLeafBlock(connection, block).leaves();
                keptBlock = block;
            }
            return keptLeaves[(int) (sequence % AuditLogStore.LEAVES_PER_BLOCK)];
        }

        void accept(Connection connection, StoredAuditEntry stored) throws SQLException {
            long sequence = stored.sequence();
            if (sequence != expected) {
                fail(new Failed(Problem.ENTRY_MISSING, OptionalLong.of(expected), "entry " + expected
                        + " is missing: the next stored entry is " + sequence));
            }
            TreeHash leaf = stored.entry().leafHash();
            if (!leaf.equals(stored.storedLeafHash())) {
                fail(new Failed(Problem.ENTRY_ALTERED, OptionalLong.of(sequence), "entry " + sequence
                        + " does not hash to the leaf stored with it: its fields were changed or it was moved"));
            }
            TreeHash kept = keptLeaf(connection, sequence);
            if (kept == null) {
                fail(new Failed(Problem.ENTRY_ALTERED, OptionalLong.of(sequence), "entry " + sequence
                        + " has no leaf kept apart from it: its row of kept leaves was removed or cut"));
            }
            if (kept != null && !kept.equals(leaf)) {
                fail(new Failed(Problem.ENTRY_ALTERED, OptionalLong.of(sequence), "entry " + sequence
                        + " does not hash to the leaf recorded in the tree when it was appended"));
            }
            tree.append(leaf);
            expected++;
            while (next != null && next.checkpoint().treeSize() == expected) {
                if (!tree.root().equals(next.checkpoint().rootHash())) {
                    fail(new Failed(Problem.ROOT_MISMATCH, OptionalLong.of(lastGoodCheckpointSize),
                            "the entries up to " + expected + " do not give the root signed at "
                                    + next.checkpoint().timestamp() + "; the first bad entry is at or after "
                                    + lastGoodCheckpointSize));
                }
                lastGoodCheckpointSize = expected;
                advance();
            }
        }

        private void advance() {
            next = null;
            while (pending.hasNext()) {
                SignedCheckpoint candidate = pending.next();
                if (candidate.checkpoint().treeSize() == 0) {
                    continue;
                }
                next = candidate;
                return;
            }
        }

        void fail(Failed failure) {
            throw new Stop(failure);
        }
    }

    /** Ends the streaming pass at the first failure. */
    private static final class Stop extends RuntimeException {
        private final Failed failure;

        Stop(Failed failure) {
            super(failure.detail(), null, false, false);
            this.failure = failure;
        }
    }
}
