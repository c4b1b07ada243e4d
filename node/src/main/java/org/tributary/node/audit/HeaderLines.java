package org.tributary.node.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tributary.federation.http.HeaderMap;

/**
 * The stored form of logged header fields: one {@code name: value} line per value, names lower-case, values
 * in the order received. HTTP field values cannot hold line breaks, so the text reads back into the same
 * {@link HeaderMap} and its digest can be checked again.
 */
final class HeaderLines {
    private HeaderLines() {
    }

    static String format(HeaderMap headers) {
        StringBuilder text = new StringBuilder();
        headers.asMap().forEach((name, values) -> values.forEach(value ->
                text.append(name).append(": ").append(value.replace('\n', ' ').replace('\r', ' ')).append('\n')));
        return text.toString();
    }

    static HeaderMap parse(String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                fields.computeIfAbsent(line.substring(0, colon), name -> new ArrayList<>()).add(line.substring(colon + 2));
            }
        }
        return HeaderMap.of(fields);
    }
}
