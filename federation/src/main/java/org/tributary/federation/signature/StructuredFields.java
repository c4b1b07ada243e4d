package org.tributary.federation.signature;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The value types of RFC 8941 Structured Field Values and their strict serialization (§4.1).
 * {@code Signature-Input}, {@code Signature} and {@code Content-Digest} are dictionaries, and the
 * RFC 9421 signature base embeds a re-serialized inner list, so both parsing
 * ({@link StructuredFieldParser}) and serialization must follow the RFC exactly.
 */
final class StructuredFields {

    private StructuredFields() {
    }

    /** A bare item: the value of an item or of a parameter. */
    sealed interface BareItem permits SfInteger, SfDecimal, SfString, SfToken, SfBytes, SfBoolean {
    }

    record SfInteger(long value) implements BareItem {
    }

    record SfDecimal(BigDecimal value) implements BareItem {
        SfDecimal {
            Objects.requireNonNull(value);
        }
    }

    record SfString(String value) implements BareItem {
        SfString {
            Objects.requireNonNull(value);
        }
    }

    record SfToken(String value) implements BareItem {
        SfToken {
            Objects.requireNonNull(value);
        }
    }

    record SfBytes(byte[] value) implements BareItem {
        SfBytes {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    record SfBoolean(boolean value) implements BareItem {
    }

    /** Ordered parameters ({@code ;key=value}); order matters for serialization. */
    record Parameters(Map<String, BareItem> values) {
        static final Parameters NONE = new Parameters(Map.of());

        Parameters {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        BareItem get(String key) {
            return values.get(key);
        }

        boolean isEmpty() {
            return values.isEmpty();
        }
    }

    /** A dictionary member value or list member: an item or an inner list. */
    sealed interface Member permits Item, InnerList {
        Parameters params();
    }

    record Item(BareItem value, Parameters params) implements Member {
        Item {
            Objects.requireNonNull(value);
            Objects.requireNonNull(params);
        }
    }

    record InnerList(List<Item> items, Parameters params) implements Member {
        InnerList {
            items = List.copyOf(items);
            Objects.requireNonNull(params);
        }
    }

    static String serializeDictionary(Map<String, Member> dictionary) {
        return dictionary.entrySet().stream()
                .map(entry -> serializeDictionaryMember(entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String serializeList(List<Member> members) {
        return members.stream().map(StructuredFields::serializeMember).collect(Collectors.joining(", "));
    }

    private static String serializeDictionaryMember(String key, Member member) {
        // A member whose value is boolean true is written as its bare key (RFC 8941 §4.1.2).
        if (member instanceof Item item && item.value() instanceof SfBoolean b && b.value()) {
            return key + serializeParameters(item.params());
        }
        return key + "=" + serializeMember(member);
    }

    static String serializeMember(Member member) {
        if (member instanceof InnerList list) {
            return serializeInnerList(list);
        }
        return serializeItem((Item) member);
    }

    static String serializeInnerList(InnerList list) {
        return list.items().stream().map(StructuredFields::serializeItem)
                .collect(Collectors.joining(" ", "(", ")")) + serializeParameters(list.params());
    }

    static String serializeItem(Item item) {
        return serializeBareItem(item.value()) + serializeParameters(item.params());
    }

    static String serializeParameters(Parameters params) {
        StringBuilder out = new StringBuilder();
        params.values().forEach((key, value) -> {
            out.append(';').append(key);
            if (!(value instanceof SfBoolean b && b.value())) {
                out.append('=').append(serializeBareItem(value));
            }
        });
        return out.toString();
    }

    static String serializeBareItem(BareItem item) {
        if (item instanceof SfInteger i) {
            return Long.toString(i.value());
        } else if (item instanceof SfDecimal d) {
            return serializeDecimal(d.value());
        } else if (item instanceof SfString s) {
            return serializeString(s.value());
        } else if (item instanceof SfToken t) {
            return t.value();
        } else if (item instanceof SfBytes b) {
            return ":" + Base64.getEncoder().encodeToString(b.value()) + ":";
        } else {
            return ((SfBoolean) item).value() ? "?1" : "?0";
        }
    }

    private static String serializeDecimal(BigDecimal value) {
        BigDecimal rounded = value.setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String plain = rounded.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static String serializeString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
