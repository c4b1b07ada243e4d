package org.tributary.federation.signature;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tributary.federation.signature.StructuredFields.BareItem;
import org.tributary.federation.signature.StructuredFields.InnerList;
import org.tributary.federation.signature.StructuredFields.Item;
import org.tributary.federation.signature.StructuredFields.Member;
import org.tributary.federation.signature.StructuredFields.Parameters;
import org.tributary.federation.signature.StructuredFields.SfBoolean;
import org.tributary.federation.signature.StructuredFields.SfBytes;
import org.tributary.federation.signature.StructuredFields.SfDecimal;
import org.tributary.federation.signature.StructuredFields.SfInteger;
import org.tributary.federation.signature.StructuredFields.SfString;
import org.tributary.federation.signature.StructuredFields.SfToken;

/**
 * A parser for RFC 8941 Structured Field Values following the algorithms of §4.2 step by step. It is
 * strict, as the RFC requires: anything outside the grammar fails the whole field, because a lenient
 * reading of a signature field could verify a different signature base than the signer meant.
 */
final class StructuredFieldParser {

    /** The field value does not follow RFC 8941. */
    static final class MalformedFieldException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedFieldException(String message) {
            super(message, null, false, false);
        }
    }

    private final String input;
    private int pos;

    private StructuredFieldParser(String input) {
        this.input = input;
    }

    static Map<String, Member> parseDictionary(String value) throws MalformedFieldException {
        StructuredFieldParser parser = new StructuredFieldParser(value);
        parser.skipSpaces();
        Map<String, Member> dictionary = parser.dictionary();
        parser.expectEnd();
        return dictionary;
    }

    static List<Member> parseList(String value) throws MalformedFieldException {
        StructuredFieldParser parser = new StructuredFieldParser(value);
        parser.skipSpaces();
        List<Member> list = parser.list();
        parser.expectEnd();
        return list;
    }

    static Item parseItem(String value) throws MalformedFieldException {
        StructuredFieldParser parser = new StructuredFieldParser(value);
        parser.skipSpaces();
        Item item = parser.item();
        parser.expectEnd();
        return item;
    }

    private Map<String, Member> dictionary() throws MalformedFieldException {
        Map<String, Member> members = new LinkedHashMap<>();
        while (!atEnd()) {
            String key = key();
            Member member;
            if (peek() == '=') {
                pos++;
                member = itemOrInnerList();
            } else {
                member = new Item(new SfBoolean(true), parameters());
            }
            members.put(key, member);
            if (!afterMember()) {
                break;
            }
        }
        return members;
    }

    private List<Member> list() throws MalformedFieldException {
        List<Member> members = new ArrayList<>();
        while (!atEnd()) {
            members.add(itemOrInnerList());
            if (!afterMember()) {
                break;
            }
        }
        return members;
    }

    /** Handles the separator after a list or dictionary member; false when the input is done. */
    private boolean afterMember() throws MalformedFieldException {
        skipOptionalWhitespace();
        if (atEnd()) {
            return false;
        }
        if (peek() != ',') {
            throw fail("expected ',' between members");
        }
        pos++;
        skipOptionalWhitespace();
        if (atEnd()) {
            throw fail("trailing ','");
        }
        return true;
    }

    private Member itemOrInnerList() throws MalformedFieldException {
        return peek() == '(' ? innerList() : item();
    }

    private InnerList innerList() throws MalformedFieldException {
        pos++; // '('
        List<Item> items = new ArrayList<>();
        while (!atEnd()) {
            skipSpaces();
            if (peek() == ')') {
                pos++;
                return new InnerList(items, parameters());
            }
            items.add(item());
            char next = peek();
            if (next != ' ' && next != ')') {
                throw fail("expected ' ' or ')' in inner list");
            }
        }
        throw fail("unterminated inner list");
    }

    private Item item() throws MalformedFieldException {
        BareItem value = bareItem();
        return new Item(value, parameters());
    }

    private Parameters parameters() throws MalformedFieldException {
        Map<String, BareItem> params = new LinkedHashMap<>();
        while (peek() == ';') {
            pos++;
            skipSpaces();
            String key = key();
            BareItem value = new SfBoolean(true);
            if (peek() == '=') {
                pos++;
                value = bareItem();
            }
            params.put(key, value);
        }
        return params.isEmpty() ? Parameters.NONE : new Parameters(params);
    }

    private String key() throws MalformedFieldException {
        char first = peek();
        if (!(isLowerAlpha(first) || first == '*')) {
            throw fail("a key must start with a lower-case letter or '*'");
        }
        int start = pos;
        while (!atEnd()) {
            char c = peek();
            if (!(isLowerAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*')) {
                break;
            }
            pos++;
        }
        return input.substring(start, pos);
    }

    private BareItem bareItem() throws MalformedFieldException {
        char c = peek();
        if (c == '-' || isDigit(c)) {
            return number();
        } else if (c == '"') {
            return string();
        } else if (c == ':') {
            return bytes();
        } else if (c == '?') {
            return bool();
        } else if (isAlpha(c) || c == '*') {
            return token();
        }
        throw fail("unexpected character for an item");
    }

    private BareItem number() throws MalformedFieldException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (!isDigit(peek())) {
            throw fail("a number needs a digit");
        }
        boolean decimal = false;
        int integerDigits = 0;
        int fractionDigits = 0;
        while (!atEnd()) {
            char c = peek();
            if (isDigit(c)) {
                if (decimal) {
                    fractionDigits++;
                } else {
                    integerDigits++;
                }
            } else if (c == '.' && !decimal) {
                if (integerDigits > 12) {
                    throw fail("decimal has more than 12 integer digits");
                }
                decimal = true;
            } else {
                break;
            }
            pos++;
        }
        String text = input.substring(start, pos);
        if (!decimal) {
            if (integerDigits > 15) {
                throw fail("integer has more than 15 digits");
            }
            return new SfInteger(Long.parseLong(text));
        }
        if (fractionDigits == 0 || fractionDigits > 3) {
            throw fail("decimal needs 1 to 3 fraction digits");
        }
        return new SfDecimal(new BigDecimal(text));
    }

    private BareItem string() throws MalformedFieldException {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = input.charAt(pos++);
            if (c == '\\') {
                if (atEnd()) {
                    throw fail("dangling escape in string");
                }
                char escaped = input.charAt(pos++);
                if (escaped != '"' && escaped != '\\') {
                    throw fail("only '\\\"' and '\\\\' may be escaped in a string");
                }
                out.append(escaped);
            } else if (c == '"') {
                return new SfString(out.toString());
            } else if (c < 0x20 || c > 0x7e) {
                throw fail("non-printable character in string");
            } else {
                out.append(c);
            }
        }
        throw fail("unterminated string");
    }

    private BareItem token() {
        int start = pos;
        while (!atEnd() && (isTokenChar(peek()) || peek() == ':' || peek() == '/')) {
            pos++;
        }
        return new SfToken(input.substring(start, pos));
    }

    private BareItem bytes() throws MalformedFieldException {
        pos++; // opening colon
        int start = pos;
        while (!atEnd() && peek() != ':') {
            char c = peek();
            if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=')) {
                throw fail("invalid character in byte sequence");
            }
            pos++;
        }
        if (atEnd()) {
            throw fail("unterminated byte sequence");
        }
        String encoded = input.substring(start, pos);
        pos++; // closing colon
        try {
            return new SfBytes(Base64.getDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            throw fail("byte sequence is not base64");
        }
    }

    private BareItem bool() throws MalformedFieldException {
        pos++; // '?'
        char c = peek();
        if (c == '1' || c == '0') {
            pos++;
            return new SfBoolean(c == '1');
        }
        throw fail("a boolean is ?0 or ?1");
    }

    private void expectEnd() throws MalformedFieldException {
        skipSpaces();
        if (!atEnd()) {
            throw fail("unexpected trailing characters");
        }
    }

    private void skipSpaces() {
        while (!atEnd() && peek() == ' ') {
            pos++;
        }
    }

    private void skipOptionalWhitespace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    /** The current character, or NUL at the end, which no rule accepts. */
    private char peek() {
        return atEnd() ? '\0' : input.charAt(pos);
    }

    private MalformedFieldException fail(String reason) {
        return new MalformedFieldException(reason + " at position " + pos);
    }

    private static boolean isLowerAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAlpha(char c) {
        return isLowerAlpha(c) || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isTokenChar(char c) {
        return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
