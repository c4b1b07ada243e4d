package org.tributary.federation.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The state of verifying one audit bundle, fed one line at a time by {@link AuditBundleVerifier}. Each
 * {@link #accept} returns the failure the line shows, if any; {@link #finish} judges what is left at the end.
 */
final class BundleCheck {
    private final PublicKey nodeKey;
    private final BundleLineCodec codec;
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final Map<Long, Checkpoint> checkpointsBySize = new HashMap<>();
    private BundleLine.Header header;
    private ConsistencyProof pendingConsistency;
    private long consistencyLine;
    private boolean inEntries;
    private long nextEntry;

    BundleCheck(PublicKey nodeKey, BundleLineCodec codec) {
        this.nodeKey = nodeKey;
        this.codec = codec;
    }

    BundleLineCodec codec() {
        return codec;
    }

    Optional<BundleVerification.Failed> accept(long lineNumber, String text) {
        BundleLine line;
        try {
            line = codec.parse(text);
        } catch (AuditFormatException e) {
            BundleFailure reason = header == null ? BundleFailure.BAD_HEADER : BundleFailure.MALFORMED_LINE;
            return fail(lineNumber, codec.peekLeafIndex(text), reason, e.getMessage());
        }
        if (header == null) {
            return line instanceof BundleLine.Header h ? acceptHeader(lineNumber, h)
                    : fail(lineNumber, OptionalLong.empty(), BundleFailure.BAD_HEADER,
                            "the first line must be the audit-bundle header");
        }
        if (line instanceof BundleLine.CheckpointLine c) {
            return acceptCheckpoint(lineNumber, c.signed());
        }
        if (line instanceof BundleLine.ConsistencyLine c) {
            return acceptConsistency(lineNumber, c.proof());
        }
        if (line instanceof BundleLine.EntryLine e) {
            return acceptEntry(lineNumber, e);
        }
        return fail(lineNumber, OptionalLong.empty(), BundleFailure.UNEXPECTED_LINE, "a second header");
    }

    private Optional<BundleVerification.Failed> acceptHeader(long lineNumber, BundleLine.Header h) {
        if (h.version() != BundleLineCodec.VERSION) {
            return fail(lineNumber, OptionalLong.empty(), BundleFailure.BAD_HEADER,
                    "bundle version " + h.version() + " is not supported (only " + BundleLineCodec.VERSION + ")");
        }
        try {
            Checkpoint.requireNodeUrl(h.origin());
        } catch (AuditFormatException e) {
            return fail(lineNumber, OptionalLong.empty(), BundleFailure.BAD_HEADER, e.getMessage());
        }
        if (h.from() > h.to()) {
            return fail(lineNumber, OptionalLong.empty(), BundleFailure.BAD_HEADER,
                    "entry range " + h.from() + ".." + h.to() + " is reversed");
        }
        header = h;
        nextEntry = h.from();
        return Optional.empty();
    }

    private Optional<BundleVerification.Failed> acceptCheckpoint(long lineNumber, SignedCheckpoint signed) {
        Checkpoint c = signed.checkpoint();
        if (inEntries) {
            return fail(lineNumber, OptionalLong.empty(), BundleFailure.UNEXPECTED_LINE,
                    "checkpoints must all come before the entries");
        }
        if (!c.origin().equals(header.origin())) {
            return fail(lineNumber, OptionalLong.empty(), BundleFailure.ORIGIN_MISMATCH,
                    "checkpoint for " + c.origin() + " in a bundle of " + header.origin());
        }
        if (!signed.verify(nodeKey)) {
            return fail(lineNumber, OptionalLong.empty(), BundleFailure.BAD_CHECKPOINT_SIGNATURE,
                    "the checkpoint of tree size " + c.treeSize() + " is not signed by the node's key");
        }
        if (!checkpoints.isEmpty()) {
            Optional<BundleVerification.Failed> link = checkLink(lineNumber, checkpoints.get(checkpoints.size() - 1), c);
            if (link.isPresent()) {
                return link;
            }
        }
        pendingConsistency = null;
        checkpoints.add(c);
        checkpointsBySize.put(c.treeSize(), c);
        return Optional.empty();
    }

    /** The previous checkpoint must be older, not larger, and proven a prefix of the new one. */
    private Optional<BundleVerification.Failed> checkLink(long lineNumber, Checkpoint previous, Checkpoint c) {
        if (!c.timestamp().isAfter(previous.timestamp())) {
            return fail(lineNumber, OptionalLong.empty(), BundleFailure.CHECKPOINTS_OUT_OF_ORDER,
                    "checkpoint of " + c.timestamp() + " follows one of " + previous.timestamp());
        }
        if (c.treeSize() < previous.treeSize()) {
            return fail(lineNumber, OptionalLong.of(c.treeSize()), BundleFailure.LOG_SHRUNK,
                    "the log shrank from " + previous.treeSize() + " to " + c.treeSize() + " entries");
        }
        ConsistencyProof proof = pendingConsistency;
        if (proof == null || proof.fromSize() != previous.treeSize() || proof.toSize() != c.treeSize()) {
            return fail(lineNumber, OptionalLong.empty(), BundleFailure.MISSING_CONSISTENCY_PROOF,
                    "no consistency proof from tree size " + previous.treeSize() + " to " + c.treeSize()
                            + " precedes this checkpoint");
        }
        if (!proof.verify(previous.rootHash(), c.rootHash())) {
            return fail(consistencyLine, OptionalLong.empty(), BundleFailure.INCONSISTENT_CHECKPOINTS,
                    "tree size " + previous.treeSize() + " is not a prefix of tree size " + c.treeSize());
        }
        return Optional.empty();
    }

    private Optional<BundleVerification.Failed> acceptConsistency(long lineNumber, ConsistencyProof proof) {
        if (inEntries || checkpoints.isEmpty() || pendingConsistency != null) {
            return fail(lineNumber, OptionalLong.empty(), BundleFailure.UNEXPECTED_LINE,
                    "a consistency proof must stand between two checkpoints");
        }
        pendingConsistency = proof;
        consistencyLine = lineNumber;
        return Optional.empty();
    }

    private Optional<BundleVerification.Failed> acceptEntry(long lineNumber, BundleLine.EntryLine line) {
        if (!inEntries) {
            Optional<BundleVerification.Failed> section = closeCheckpointSection(lineNumber);
            if (section.isPresent()) {
                return section;
            }
            inEntries = true;
        }
        long index = line.leafIndex();
        if (index < header.from() || index >= header.to()) {
            return fail(lineNumber, OptionalLong.of(index), BundleFailure.ENTRY_OUTSIDE_RANGE,
                    "entry " + index + " is outside the declared range " + header.from() + ".." + header.to());
        }
        if (index < nextEntry) {
            return fail(lineNumber, OptionalLong.of(index), BundleFailure.ENTRY_OUT_OF_ORDER,
                    "entry " + index + " appears after entry " + (nextEntry - 1));
        }
        if (index > nextEntry) {
            return fail(lineNumber, OptionalLong.of(nextEntry), BundleFailure.ENTRY_MISSING,
                    "entry " + nextEntry + " is missing: entry " + index + " stands in its place");
        }
        if (line.entry().sequence() != index) {
            return fail(lineNumber, OptionalLong.of(index), BundleFailure.SEQUENCE_MISMATCH,
                    "entry at leaf " + index + " carries sequence number " + line.entry().sequence());
        }
        Checkpoint checkpoint = checkpointsBySize.get(line.proof().treeSize());
        if (checkpoint == null) {
            return fail(lineNumber, OptionalLong.of(index), BundleFailure.UNKNOWN_CHECKPOINT,
                    "entry " + index + " is proven against tree size " + line.proof().treeSize()
                            + ", which no checkpoint in the bundle has");
        }
        if (!line.proof().verify(line.entry().leafHash(), checkpoint.rootHash())) {
            return fail(lineNumber, OptionalLong.of(index), BundleFailure.ENTRY_NOT_INCLUDED,
                    "entry " + index + " as given is not in the log of tree size " + checkpoint.treeSize()
                            + ": it or its proof was altered");
        }
        nextEntry++;
        return Optional.empty();
    }

    /** Before the first entry: the checkpoints must be complete and the newest must cover the whole range. */
    private Optional<BundleVerification.Failed> closeCheckpointSection(long lineNumber) {
        if (checkpoints.isEmpty()) {
            return fail(lineNumber, OptionalLong.empty(), BundleFailure.NO_COVERING_CHECKPOINT,
                    "the bundle has no checkpoint before its entries");
        }
        if (pendingConsistency != null) {
            return fail(consistencyLine, OptionalLong.empty(), BundleFailure.UNEXPECTED_LINE,
                    "a consistency proof with no checkpoint after it");
        }
        long newest = checkpoints.get(checkpoints.size() - 1).treeSize();
        if (header.to() > newest) {
            return fail(1, OptionalLong.empty(), BundleFailure.NO_COVERING_CHECKPOINT,
                    "entries up to " + header.to() + " are declared but the newest checkpoint has " + newest);
        }
        return Optional.empty();
    }

    BundleVerification finish(long lastLine) {
        if (header == null) {
            return new BundleVerification.Failed(1, OptionalLong.empty(), BundleFailure.BAD_HEADER,
                    "the bundle is empty");
        }
        if (!inEntries) {
            Optional<BundleVerification.Failed> section = closeCheckpointSection(lastLine + 1);
            if (section.isPresent()) {
                return section.get();
            }
        }
        if (nextEntry < header.to()) {
            return new BundleVerification.Failed(lastLine + 1, OptionalLong.of(nextEntry), BundleFailure.TRUNCATED,
                    "the bundle ends before entry " + nextEntry + " of the declared " + header.from() + ".."
                            + header.to());
        }
        return new BundleVerification.Verified(header.origin(), header.from(), header.to(), checkpoints);
    }

    private static Optional<BundleVerification.Failed> fail(long line, OptionalLong entry, BundleFailure reason,
                                                           String detail) {
        return Optional.of(new BundleVerification.Failed(line, entry, reason, detail));
    }
}
