package org.tributary.federation.audit;

/** Why an audit bundle failed verification; each names one broken guarantee. */
public enum BundleFailure {
    /** The bundle could not be read at all. */
    UNREADABLE,
    /** A line is not valid JSON or misses a required field. */
    MALFORMED_LINE,
    /** The first line is not the {@code audit-bundle} header, or its version is not supported. */
    BAD_HEADER,
    /** A line stands where the format does not allow it (e.g. a checkpoint after the entries). */
    UNEXPECTED_LINE,
    /** A checkpoint, or the header, names another log than the bundle's origin. */
    ORIGIN_MISMATCH,
    /** A checkpoint's signature does not verify with the node's public key. */
    BAD_CHECKPOINT_SIGNATURE,
    /** The bundle has no checkpoint, or its entry range reaches past the newest one. */
    NO_COVERING_CHECKPOINT,
    /** Checkpoints are not in order of strictly increasing time. */
    CHECKPOINTS_OUT_OF_ORDER,
    /** A later checkpoint has a smaller tree: the log was truncated. */
    LOG_SHRUNK,
    /** No consistency proof links two successive checkpoints, or it is for other sizes. */
    MISSING_CONSISTENCY_PROOF,
    /** Two successive checkpoints are not consistent: history was rewritten between them. */
    INCONSISTENT_CHECKPOINTS,
    /** An entry the range requires is absent from the bundle. */
    ENTRY_MISSING,
    /** An entry appears at another position than its index requires (reordered or duplicated). */
    ENTRY_OUT_OF_ORDER,
    /** An entry lies outside the range the header declares. */
    ENTRY_OUTSIDE_RANGE,
    /** An entry's sequence number differs from its leaf index. */
    SEQUENCE_MISMATCH,
    /** An entry's proof refers to a checkpoint the bundle does not carry, or one too small to hold it. */
    UNKNOWN_CHECKPOINT,
    /** An entry's recomputed leaf hash is not in the checkpoint's tree: the entry or its proof was altered. */
    ENTRY_NOT_INCLUDED,
    /** The bundle ends before all entries of its declared range: the file was truncated. */
    TRUNCATED
}
