package org.tributary.federation.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tributary.federation.http.HeaderMap;

/**
 * The digests an {@link AuditEntry} carries in place of the raw message.
 * <ul>
 *   <li>body digest: {@code SHA-256} of the exact body bytes (the empty body when there is none);</li>
 *   <li>header digest: {@code SHA-256} of a length-prefixed header block: a 4-byte big-endian field
 *       count, then for each field in ascending order of its lower-case name (compared as UTF-8 bytes, which
 *       for header names is plain ASCII order): the name as a string, a 4-byte value count, and each value as
 *       a string, in the order received. A string is a 4-byte big-endian UTF-8 length and the bytes.</li>
 * </ul>
 */
public final class AuditDigests {
    private AuditDigests() {
    }

    public static TreeHash bodyDigest(byte[] body) {
        return MerkleTree.sha256(body);
    }

    public static TreeHash headerDigest(HeaderMap headers) {
        List<Map.Entry<String, List<String>>> fields = new ArrayList<>(headers.asMap().entrySet());
        fields.sort(Map.Entry.comparingByKey());
        LengthPrefixedWriter writer = new LengthPrefixedWriter().u32(fields.size());
        for (Map.Entry<String, List<String>> field : fields) {
            writer.string(field.getKey()).u32(field.getValue().size());
            field.getValue().forEach(writer::string);
        }
        return MerkleTree.sha256(writer.toByteArray());
    }
}
