package org.tributary.node.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.tributary.federation.audit.AuditEntry;
import org.tributary.federation.audit.TreeHash;

/**
 * One row of {@code audit_entries}: the entry's leaf fields, the leaf hash stored when it was appended,
 * and what is kept besides the leaf (the raw body while retention allows, the logged header lines).
 *
 * @param body     the raw body, empty when there was none, it was pruned, or it was not read
 * @param headers  the logged header fields as {@code name: value} lines
 * @param prunedAt when retention removed the raw body
 */
public record StoredAuditEntry(AuditEntry entry, TreeHash storedLeafHash, Optional<byte[]> body, String headers,
        Optional<Instant> prunedAt) {

    public StoredAuditEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(storedLeafHash, "storedLeafHash");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(prunedAt, "prunedAt");
    }

    public long sequence() {
        return entry.sequence();
    }
}
