package org.tributary.federation.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable, case-insensitive multimap of HTTP header fields. Names are stored lower-cased, because
 * both signature schemes address header fields by their lower-case name.
 */
public final class HeaderMap {
    private final Map<String, List<String>> fields;

    private HeaderMap(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    public static HeaderMap of(Map<String, List<String>> raw) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            if (name != null) {
                copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values);
            }
        });
        copy.replaceAll((name, values) -> List.copyOf(values));
        return new HeaderMap(Collections.unmodifiableMap(copy));
    }

    public static HeaderMap empty() {
        return new HeaderMap(Map.of());
    }

    /** First value of the field, if present. */
    public Optional<String> first(String name) {
        List<String> values = fields.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All values of the field in order; empty when absent. */
    public List<String> all(String name) {
        return fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public boolean has(String name) {
        return fields.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** A copy with {@code name} set to the single {@code value}, replacing earlier values. */
    public HeaderMap with(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(fields);
        copy.put(name.toLowerCase(Locale.ROOT), List.of(value));
        return new HeaderMap(Collections.unmodifiableMap(copy));
    }

    public Map<String, List<String>> asMap() {
        return fields;
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
