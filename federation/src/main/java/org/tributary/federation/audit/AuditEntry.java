package org.tributary.federation.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * The fields of one federation log entry that go into its Merkle leaf. Text fields that do not apply to an
 * entry (an admin action has no peer) are the empty string. The raw message body and headers are not part
 * of the leaf, only their digests ({@link AuditDigests}), so bodies can be pruned later while every old
 * proof still verifies. {@code time} is kept to the millisecond.
 *
 * <h2>Canonical encoding, version 1</h2>
 * {@link #canonicalBytes()} is the concatenation of:
 * <ol>
 *   <li>the 24 ASCII bytes {@code tributary-audit-entry-v1} and a line feed, 25 bytes in all (domain
 *       separation and version: no other structure hashed by this project starts with them);</li>
 *   <li>{@code sequence}: 8 bytes, big-endian (equal to the entry's leaf index);</li>
 *   <li>{@code time}: milliseconds since 1970-01-01T00:00:00Z, 8 bytes, big-endian;</li>
 *   <li>eight strings, each a 4-byte big-endian length of its UTF-8 bytes followed by those bytes:
 *       {@code direction} ({@code inbound|outbound|local}), {@code kind}, {@code peer}, {@code activityId},
 *       {@code activityType}, {@code actor}, {@code object}, {@code result};</li>
 *   <li>{@code bodyDigest} then {@code headerDigest}: 32 raw bytes each.</li>
 * </ol>
 * The leaf hash is {@code SHA-256(0x00 ‖ canonicalBytes)}.
 *
 * <p>Why length-prefixed bytes and not canonical JSON: every field has one fixed place and an explicit
 * length, so two different entries can never encode alike, and a verifier in any language needs a dozen
 * lines and no JSON library. Canonical JSON (RFC 8785) depends on subtle rules for number formatting,
 * string escaping and UTF-16 key order that JSON libraries get wrong in different ways, and 64-bit
 * sequence numbers do not survive JavaScript numbers.
 */
public record AuditEntry(
        long sequence,
        Instant time,
        AuditDirection direction,
        String kind,
        String peer,
        String activityId,
        String activityType,
        String actor,
        String object,
        String result,
        TreeHash bodyDigest,
        TreeHash headerDigest) {

    private static final byte[] DOMAIN = "tributary-audit-entry-v1\n".getBytes(StandardCharsets.US_ASCII);

    public AuditEntry {
        if (sequence < 0) {
            throw new AuditFormatException("negative sequence number " + sequence);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(activityType, "activityType");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(bodyDigest, "bodyDigest");
        Objects.requireNonNull(headerDigest, "headerDigest");
        if (kind.isEmpty()) {
            throw new AuditFormatException("an audit entry needs a kind");
        }
        time = AuditTime.truncate(time);
        AuditTime.format(time);
    }

    /** The version 1 canonical encoding described in the class comment. */
    public byte[] canonicalBytes() {
        return new LengthPrefixedWriter()
                .raw(DOMAIN)
                .u64(sequence)
                .u64(time.toEpochMilli())
                .string(direction.wireName())
                .string(kind)
                .string(peer)
                .string(activityId)
                .string(activityType)
                .string(actor)
                .string(object)
                .string(result)
                .hash(bodyDigest)
                .hash(headerDigest)
                .toByteArray();
    }

    /** {@code SHA-256(0x00 ‖ canonicalBytes())}: this entry's leaf in the log's Merkle tree. */
    public TreeHash leafHash() {
        return MerkleTree.leafHash(canonicalBytes());
    }
}
