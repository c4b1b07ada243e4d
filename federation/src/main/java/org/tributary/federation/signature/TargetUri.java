package org.tributary.federation.signature;

import java.net.URI;
import java.util.Locale;

/**
 * The pieces of a request's target URI that signatures cover, always without a {@code #fragment}
 * (a fragment is never sent, so a signature over it could never verify) and with the path and query
 * exactly as written (percent-encoding untouched), as the receiver sees them on the wire.
 */
final class TargetUri {

    private TargetUri() {
    }

    /** Lower-case host, plus the port when it is not the scheme's default. */
    static String authority(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        return port == -1 || port == defaultPort(scheme(uri)) ? host : host + ":" + port;
    }

    static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /** The absolute path, {@code /} when empty. */
    static String path(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** {@code ?query} when the URI has a query, else empty. */
    static String queryWithMark(URI uri) {
        return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    }

    /** Origin form: path plus {@code ?query} when present. */
    static String originForm(URI uri) {
        return path(uri) + queryWithMark(uri);
    }

    /** The full target URI, normalised as RFC 9110 §4.2.3 asks, without fragment or user info. */
    static String absolute(URI uri) {
        return scheme(uri) + "://" + authority(uri) + originForm(uri);
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }
}
