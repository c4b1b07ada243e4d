package org.tributary.node.audit;

import java.util.Objects;
import org.tributary.federation.audit.AuditDigests;
import org.tributary.federation.audit.AuditEntry;
import org.tributary.federation.audit.TreeHash;
import org.tributary.federation.http.HeaderMap;

/**
 * A record made ready for the log by its caller: text cut to the column widths, the header lines as they
 * will be stored, and the body and header digests. Only the sequence number and the leaf hash over it are
 * left for the log's writer, which appends for every caller in turn: the digests used to be computed there,
 * a sixth of the writer's time under inbox load (benchmark 1's profile), where the callers can compute them
 * side by side.
 */
public final class DigestedRecord {
    /** Column widths of {@code audit_entries}: longer text is cut before hashing, so what is hashed is stored. */
    private static final int KIND = 64;
    private static final int PEER = 255;
    private static final int URI = 2048;
    private static final int TYPE = 64;
    private static final int RESULT = 1000;

    private final AuditRecord record;
    private final String headerLines;
    private final TreeHash bodyDigest;
    private final TreeHash headerDigest;
    private final byte[] inboxKey;

    private DigestedRecord(AuditRecord record, byte[] inboxKey) {
        this.record = record;
        this.inboxKey = inboxKey;
        // Stored as text and read back: the digest is over what a verifier will parse from storage.
        HeaderMap headers = HeaderLines.parse(HeaderLines.format(record.headers()));
        this.headerLines = HeaderLines.format(headers);
        this.bodyDigest = AuditDigests.bodyDigest(record.body());
        this.headerDigest = AuditDigests.headerDigest(headers);
    }

    public static DigestedRecord of(AuditRecord record) {
        return new DigestedRecord(Objects.requireNonNull(record, "record"), null);
    }

    /**
     * A record of an accepted inbound activity, whose entry is the inbox's row for it: {@code inboxKey} (the
     * activity id's SHA-256) is stored with the entry, unique, outside what is hashed (see V105).
     */
    public static DigestedRecord ofInboxArrival(AuditRecord record, byte[] inboxKey) {
        return new DigestedRecord(Objects.requireNonNull(record, "record"), inboxKey.clone());
    }

    public AuditRecord record() {
        return record;
    }

    /** The entry this record becomes at {@code sequence}. */
    AuditEntry entryAt(long sequence) {
        return new AuditEntry(sequence, record.time(), record.direction(), AuditLog.cut(record.kind(), KIND),
                AuditLog.cut(record.peer(), PEER), AuditLog.cut(record.activityId(), URI), AuditLog.cut(record.activityType(), TYPE),
                AuditLog.cut(record.actor(), URI), AuditLog.cut(record.object(), URI), AuditLog.cut(record.result(), RESULT), bodyDigest,
                headerDigest);
    }

    String headerLines() {
        return headerLines;
    }

    byte[] body() {
        return record.body();
    }

    /** The inbox key stored with the entry; null for every entry but an accepted activity's. */
    byte[] inboxKey() {
        return inboxKey;
    }
}
