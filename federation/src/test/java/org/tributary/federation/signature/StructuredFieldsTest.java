package org.tributary.federation.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tributary.federation.signature.StructuredFieldParser.MalformedFieldException;
import org.tributary.federation.signature.StructuredFields.InnerList;
import org.tributary.federation.signature.StructuredFields.Item;
import org.tributary.federation.signature.StructuredFields.Member;
import org.tributary.federation.signature.StructuredFields.SfBoolean;
import org.tributary.federation.signature.StructuredFields.SfBytes;
import org.tributary.federation.signature.StructuredFields.SfDecimal;
import org.tributary.federation.signature.StructuredFields.SfInteger;
import org.tributary.federation.signature.StructuredFields.SfString;
import org.tributary.federation.signature.StructuredFields.SfToken;

class StructuredFieldsTest {

    @Test
    void rfc9421ExampleDictionaryIsReserializedStrictly() throws MalformedFieldException {
        // RFC 9421 §2.1.1: "example-dict";sf
        assertEquals("a=1, b=2;x=1;y=2, c=(a b c)", StructuredFields.serializeDictionary(
                StructuredFieldParser.parseDictionary("a=1,    b=2;x=1;y=2,   c=(a   b   c)")));
    }

    @Test
    void rfc9421ExampleDictionaryMembers() throws MalformedFieldException {
        // RFC 9421 §2.1.2: "example-dict";key=...
        Map<String, Member> dictionary = StructuredFieldParser.parseDictionary("a=1, b=2;x=1;y=2, c=(a   b    c), d");

        assertEquals("1", StructuredFields.serializeMember(dictionary.get("a")));
        assertEquals("?1", StructuredFields.serializeMember(dictionary.get("d")));
        assertEquals("2;x=1;y=2", StructuredFields.serializeMember(dictionary.get("b")));
        assertEquals("(a b c)", StructuredFields.serializeMember(dictionary.get("c")));
    }

    @Test
    void everyBareItemType() throws MalformedFieldException {
        List<Member> list = StructuredFieldParser.parseList(
                "42, -1.5, \"say \\\"hi\\\"\", text/html, :AQID:, ?0, *star");

        assertEquals(new SfInteger(42), ((Item) list.get(0)).value());
        assertEquals(new SfDecimal(new BigDecimal("-1.5")), ((Item) list.get(1)).value());
        assertEquals(new SfString("say \"hi\""), ((Item) list.get(2)).value());
        assertEquals(new SfToken("text/html"), ((Item) list.get(3)).value());
        assertArrayEquals(new byte[] {1, 2, 3}, assertInstanceOf(SfBytes.class, ((Item) list.get(4)).value()).value());
        assertEquals(new SfBoolean(false), ((Item) list.get(5)).value());
        assertEquals(new SfToken("*star"), ((Item) list.get(6)).value());
        assertEquals("42, -1.5, \"say \\\"hi\\\"\", text/html, :AQID:, ?0, *star", StructuredFields.serializeList(list));
    }

    @Test
    void signatureInputKeepsParameterOrder() throws MalformedFieldException {
        String value = "(\"@target-uri\" \"@authority\" \"date\" \"cache-control\");keyid=\"test-key-rsa-pss\""
                + ";alg=\"rsa-pss-sha512\";created=1618884475;expires=1618884775";

        InnerList parsed = (InnerList) StructuredFieldParser.parseDictionary("sig1=" + value).get("sig1");

        assertEquals(value, StructuredFields.serializeInnerList(parsed));
        assertEquals(List.of("keyid", "alg", "created", "expires"), List.copyOf(parsed.params().values().keySet()));
    }

    @Test
    void decimalsSerializeWithUpToThreeFractionDigits() throws MalformedFieldException {
        assertEquals("1.5, 0.0, 100.0", StructuredFields.serializeList(StructuredFieldParser.parseList("1.50, 0.0, 100.000")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=1,", "A=1", "a=(1 2", "a=\"open", "a=:AB", "a=?2", "a=1 b=2", "a=1.1234",
        "a=1234567890123456", "a=\"tab\there\"", "a=\"bad \\escape\"", "a=-", "a=(1)x"})
    void malformedDictionariesAreRejected(String value) {
        assertThrows(MalformedFieldException.class, () -> StructuredFieldParser.parseDictionary(value));
    }
}
