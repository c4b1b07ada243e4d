package org.tributary.federation.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HeaderMap;

class AuditEntryTest {
    private static final TreeHash BODY = AuditDigests.bodyDigest("{}".getBytes(StandardCharsets.UTF_8));
    private static final TreeHash HEADERS = AuditDigests.headerDigest(HeaderMap.empty());
    private static final Instant TIME = Instant.parse("2025-03-05T09:04:01.250Z");

    static AuditEntry sample(long sequence) {
        return new AuditEntry(sequence, TIME.plusSeconds(sequence), AuditDirection.INBOUND, "inbox.accepted",
                "hr.example.com", "https://hr.example.com/activities/" + sequence, "Create",
                "https://hr.example.com/users/bea", "https://hr.example.com/notes/" + sequence, "",
                BODY, HEADERS);
    }

    @Test
    void matchesTheIndependentlyComputedVector() throws IOException {
        Map<String, String> v = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MerkleVectorsTest.locate("spec/vectors/audit/entry-v1.txt"))) {
            if (!line.startsWith("#") && !line.startsWith("header=")) {
                v.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        HeaderMap headers = HeaderMap.of(Map.of(
                "Host", List.of("sales.example.com"), "Date", List.of("Wed, 05 Mar 2025 09:04:01 GMT")));
        AuditEntry entry = new AuditEntry(Long.parseLong(v.get("sequence")), Instant.parse(v.get("time")),
                AuditDirection.fromWireName(v.get("direction")), v.get("kind"), v.get("peer"), v.get("activityId"),
                v.get("activityType"), v.get("actor"), v.get("object"), v.get("result"),
                AuditDigests.bodyDigest(v.get("body").getBytes(StandardCharsets.UTF_8)),
                AuditDigests.headerDigest(headers));
        assertEquals(v.get("bodyDigest"), entry.bodyDigest().hex());
        assertEquals(v.get("headerDigest"), entry.headerDigest().hex());
        assertEquals(v.get("canonical"), HexFormat.of().formatHex(entry.canonicalBytes()));
        assertEquals(v.get("leafHash"), entry.leafHash().hex());
    }

    @Test
    void encodingFollowsTheDocumentedLayout() {
        AuditEntry entry = sample(7);
        byte[] bytes = documentedLayout(entry);
        assertArrayEquals(bytes, entry.canonicalBytes());
        assertEquals(MerkleTree.leafHash(bytes), entry.leafHash());
    }

    @Test
    void anEncodingLongerThanTheWritersFirstBufferKeepsEveryByte() {
        AuditEntry e = sample(8);
        AuditEntry longer = new AuditEntry(8, e.time(), e.direction(), e.kind(), e.peer(),
                e.activityId() + "/" + "a".repeat(3000), e.activityType(), e.actor() + "\u00e9".repeat(700),
                e.object(), e.result(), e.bodyDigest(), e.headerDigest());
        assertArrayEquals(documentedLayout(longer), longer.canonicalBytes());
    }

    private static byte[] documentedLayout(AuditEntry entry) {
        ByteBuffer expected = ByteBuffer.allocate(16_384);
        expected.put("tributary-audit-entry-v1\n".getBytes(StandardCharsets.US_ASCII));
        expected.putLong(entry.sequence()).putLong(entry.time().toEpochMilli());
        for (String s : List.of("inbound", entry.kind(), entry.peer(), entry.activityId(), entry.activityType(),
                entry.actor(), entry.object(), entry.result())) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            expected.putInt(utf8.length).put(utf8);
        }
        expected.put(entry.bodyDigest().bytes()).put(entry.headerDigest().bytes());
        byte[] bytes = new byte[expected.position()];
        expected.flip().get(bytes);
        return bytes;
    }

    @Test
    void everyFieldAndEveryFieldBoundaryChangesTheLeaf() {
        AuditEntry e = sample(1);
        TreeHash other = ReferenceMerkle.flipBit(BODY, 5);
        List<AuditEntry> variants = List.of(e,
                new AuditEntry(2, e.time(), e.direction(), e.kind(), e.peer(), e.activityId(), e.activityType(), e.actor(), e.object(), e.result(), e.bodyDigest(), e.headerDigest()),
                new AuditEntry(1, e.time().plusMillis(1), e.direction(), e.kind(), e.peer(), e.activityId(), e.activityType(), e.actor(), e.object(), e.result(), e.bodyDigest(), e.headerDigest()),
                new AuditEntry(1, e.time(), AuditDirection.OUTBOUND, e.kind(), e.peer(), e.activityId(), e.activityType(), e.actor(), e.object(), e.result(), e.bodyDigest(), e.headerDigest()),
                new AuditEntry(1, e.time(), e.direction(), "inbox.rejected", e.peer(), e.activityId(), e.activityType(), e.actor(), e.object(), e.result(), e.bodyDigest(), e.headerDigest()),
                new AuditEntry(1, e.time(), e.direction(), e.kind(), "", e.activityId(), e.activityType(), e.actor(), e.object(), e.result(), e.bodyDigest(), e.headerDigest()),
                new AuditEntry(1, e.time(), e.direction(), e.kind(), e.peer(), e.activityId() + "x", e.activityType(), e.actor(), e.object(), e.result(), e.bodyDigest(), e.headerDigest()),
                new AuditEntry(1, e.time(), e.direction(), e.kind(), e.peer(), e.activityId(), "Delete", e.actor(), e.object(), e.result(), e.bodyDigest(), e.headerDigest()),
                new AuditEntry(1, e.time(), e.direction(), e.kind(), e.peer(), e.activityId(), e.activityType(), e.actor() + "2", e.object(), e.result(), e.bodyDigest(), e.headerDigest()),
                new AuditEntry(1, e.time(), e.direction(), e.kind(), e.peer(), e.activityId(), e.activityType(), e.actor(), "", e.result(), e.bodyDigest(), e.headerDigest()),
                new AuditEntry(1, e.time(), e.direction(), e.kind(), e.peer(), e.activityId(), e.activityType(), e.actor(), e.object(), "signature_invalid", e.bodyDigest(), e.headerDigest()),
                new AuditEntry(1, e.time(), e.direction(), e.kind(), e.peer(), e.activityId(), e.activityType(), e.actor(), e.object(), e.result(), other, e.headerDigest()),
                new AuditEntry(1, e.time(), e.direction(), e.kind(), e.peer(), e.activityId(), e.activityType(), e.actor(), e.object(), e.result(), e.bodyDigest(), other),
                // The same characters shifted across a field boundary.
                new AuditEntry(1, e.time(), e.direction(), e.kind(), e.peer(), e.activityId(), e.activityType(), e.actor() + e.object(), "", e.result(), e.bodyDigest(), e.headerDigest()));
        Set<TreeHash> leaves = new HashSet<>();
        variants.forEach(v -> leaves.add(v.leafHash()));
        assertEquals(variants.size(), leaves.size());
    }

    @Test
    void badFieldsFailWithAStableCode() {
        for (Runnable bad : List.<Runnable>of(
                () -> new AuditEntry(-1, TIME, AuditDirection.LOCAL, "admin", "", "", "", "", "", "", BODY, HEADERS),
                () -> new AuditEntry(1, TIME, AuditDirection.LOCAL, "", "", "", "", "", "", "", BODY, HEADERS),
                () -> new AuditEntry(1, TIME, AuditDirection.LOCAL, "admin", "", "", "", "\ud800", "", "", BODY, HEADERS).canonicalBytes(),
                () -> AuditDirection.fromWireName("sideways"))) {
            assertEquals(FederationError.MALFORMED_AUDIT_DATA, assertThrows(AuditFormatException.class, bad::run).error());
        }
    }

    @Test
    void headerDigestIgnoresNameCaseAndFieldOrderButNotValueOrder() {
        TreeHash a = AuditDigests.headerDigest(HeaderMap.of(orderedMap("Host", List.of("x"), "Accept", List.of("1", "2"))));
        TreeHash b = AuditDigests.headerDigest(HeaderMap.of(orderedMap("accept", List.of("1", "2"), "HOST", List.of("x"))));
        TreeHash c = AuditDigests.headerDigest(HeaderMap.of(orderedMap("accept", List.of("2", "1"), "host", List.of("x"))));
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(MerkleTree.sha256(new byte[4]), AuditDigests.headerDigest(HeaderMap.empty()));
    }

    private static Map<String, List<String>> orderedMap(String k1, List<String> v1, String k2, List<String> v2) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    @Test
    void jsonRoundTripKeepsTheLeafHash() {
        AuditEntryJson codec = new AuditEntryJson();
        AuditEntry entry = sample(3);
        AuditEntry decoded = codec.decode(codec.encode(entry));
        assertEquals(entry, decoded);
        assertEquals(entry.leafHash(), decoded.leafHash());
    }

    @Test
    void jsonWithAMissingOrMistypedFieldIsRejected() {
        AuditEntryJson codec = new AuditEntryJson();
        String good = codec.encode(sample(3));
        for (String text : List.of(
                good.replace("\"peer\":\"hr.example.com\",", ""),
                good.replace("\"sequence\":3", "\"sequence\":\"3\""),
                good.replace("\"inbound\"", "\"in\""),
                good.replace("\"bodyDigest\":\"", "\"bodyDigest\":\"AAAA"),
                "not json")) {
            assertEquals(FederationError.MALFORMED_AUDIT_DATA,
                    assertThrows(AuditFormatException.class, () -> codec.decode(text), text).error());
        }
    }
}
