package org.tributary.federation.audit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A node's statement "my log of {@code treeSize} entries has root {@code rootHash}" at {@code timestamp}.
 * The timestamp is kept to the millisecond (finer digits are dropped on construction).
 *
 * <p>What is signed is {@link #canonicalText()}, four lines each ending in {@code \n}, in the spirit of the
 * C2SP tlog-checkpoint note body:
 * <pre>
 * https://sales.example.com          the origin: the node's base URL, as given
 * 1024                               tree size, decimal, no sign or leading zeros
 * Vd2nYZ1Jq0U6nq3cI1fP5i2c+dT3...=   root hash, standard base64 with padding
 * 2025-03-05T09:04:01.250Z           timestamp, RFC 3339 UTC, exactly 3 fractional digits
 * </pre>
 * No field can contain a newline, so the text splits back into exactly these fields. Its first line is an
 * http(s) URL, so it can never be mistaken for an HTTP signature base signed by the same key.
 */
public record Checkpoint(URI origin, long treeSize, TreeHash rootHash, Instant timestamp) {
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(timestamp, "timestamp");
        requireNodeUrl(origin);
        if (treeSize < 0) {
            throw new AuditFormatException("negative tree size " + treeSize);
        }
        timestamp = AuditTime.truncate(timestamp);
        AuditTime.format(timestamp);
    }

    /** Fails with {@code malformed_audit_data} unless {@code origin} is an absolute http(s) URL with a host. */
    static void requireNodeUrl(URI origin) {
        String scheme = origin.getScheme() == null ? "" : origin.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || origin.getHost() == null
                || origin.getRawFragment() != null) {
            throw new AuditFormatException("a checkpoint origin must be a node's http(s) base URL: " + origin);
        }
    }

    /** The exact text that is signed (see the class comment). */
    public String canonicalText() {
        return origin + "\n" + treeSize + "\n" + rootHash.base64() + "\n" + AuditTime.format(timestamp) + "\n";
    }

    /** {@link #canonicalText()} in UTF-8: the bytes a signature covers. */
    public byte[] canonicalBytes() {
        return canonicalText().getBytes(StandardCharsets.UTF_8);
    }
}
