package org.tributary.federation.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;

class BoundedJsonReaderTest {

    private final BoundedJsonReader reader = new BoundedJsonReader(new JsonLimits(64 * 1024, 8, 1000));

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private FederationError errorOf(String text) {
        return assertThrows(VocabException.class, () -> reader.read(utf8(text))).error();
    }

    @Test
    void readsNestedValues() {
        JsonObject value = reader.read(utf8("{\"a\":[1,{\"b\":null}],\"c\":\"é\",\"d\":true}")).asJsonObject();

        assertEquals(1, value.getJsonArray("a").getInt(0));
        assertEquals(JsonValue.NULL, value.getJsonArray("a").getJsonObject(1).get("b"));
        assertEquals("é", value.getString("c"));
        assertEquals(JsonValue.TRUE, value.get("d"));
    }

    @Test
    void acceptsNestingUpToTheLimitAndRefusesDeeper() {
        String eight = "[".repeat(8) + "]".repeat(8);
        reader.read(utf8(eight));

        assertEquals(FederationError.MALFORMED_JSON, errorOf("[".repeat(9) + "]".repeat(9)));
    }

    @Test
    void survivesAbsurdNestingWithoutStackOverflow() {
        BoundedJsonReader large = new BoundedJsonReader(new JsonLimits(4 * 1024 * 1024, 10_000_000, 1000));
        String deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);

        // Either our explicit stack copes or the parser refuses: never a StackOverflowError.
        try {
            large.read(utf8(deep));
        } catch (VocabException e) {
            assertEquals(FederationError.MALFORMED_JSON, e.error());
        }
    }

    @Test
    void refusesHugeStringsAndPropertyNames() {
        assertEquals(FederationError.MALFORMED_JSON, errorOf("{\"a\":\"" + "x".repeat(1001) + "\"}"));
        assertEquals(FederationError.MALFORMED_JSON, errorOf("{\"" + "k".repeat(1001) + "\":1}"));
    }

    @Test
    void refusesBodiesOverTheSizeLimitBeforeParsing() {
        byte[] body = new byte[64 * 1024 + 1];

        VocabException thrown = assertThrows(VocabException.class, () -> reader.read(body));

        assertEquals(FederationError.BODY_TOO_LARGE, thrown.error());
    }

    @Test
    void refusesDuplicatePropertyNames() {
        assertEquals(FederationError.MALFORMED_JSON, errorOf("{\"a\":{\"x\":1,\"x\":2}}"));
    }

    @Test
    void refusesContentAfterTheValue() {
        assertEquals(FederationError.MALFORMED_JSON, errorOf("{} x"));
        assertEquals(FederationError.MALFORMED_JSON, errorOf("{}{}"));
    }

    @Test
    void refusesTruncatedInput() {
        assertEquals(FederationError.MALFORMED_JSON, errorOf("{\"a\":[1,2"));
        assertEquals(FederationError.MALFORMED_JSON, errorOf("{\"a\":\"unterminated"));
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertEquals(FederationError.MALFORMED_JSON,
                assertThrows(VocabException.class, () -> reader.read(body)).error());
    }

    @Test
    void refusesNullAndEmptyBodies() {
        assertEquals(FederationError.MALFORMED_JSON,
                assertThrows(VocabException.class, () -> reader.read(null)).error());
        assertEquals(FederationError.MALFORMED_JSON, errorOf(""));
    }

    @Test
    void ignoresALeadingByteOrderMark() {
        assertEquals(1, reader.read(utf8("\uFEFF{\"a\":1}")).asJsonObject().getInt("a"));
    }
}
