package org.tributary.node.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tributary.federation.http.HeaderMap;

/**
 * Which header fields of a federated request the log keeps: those that identify and authenticate it.
 * Cookies, authorisation tokens and the like are never kept. Facts about an exchange that are not headers
 * (the target URI, an HTTP status) are logged as pseudo-fields whose names start with {@code @}.
 */
final class LoggedHeaders {
    private static final Set<String> KEPT = Set.of("host", "date", "digest", "content-digest", "content-type",
            "content-length", "signature", "signature-input", "user-agent", "accept");

    private LoggedHeaders() {
    }

    static HeaderMap select(HeaderMap headers, Map<String, String> pseudo) {
        Map<String, List<String>> kept = new TreeMap<>();
        headers.asMap().forEach((name, values) -> {
            if (KEPT.contains(name)) {
                kept.put(name, values);
            }
        });
        pseudo.forEach((name, value) -> kept.put("@" + name, List.of(value)));
        return HeaderMap.of(kept);
    }
}
