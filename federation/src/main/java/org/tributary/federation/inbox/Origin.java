package org.tributary.federation.inbox;

import java.net.IDN;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The origin of a URI (scheme, lower-case ASCII host, port with defaults filled in). Two URIs are "from
 * the same place" only when their origins are equal; comparing host strings alone lets {@code :8443}
 * speak for {@code :443} and lets Unicode look-alikes through.
 */
public record Origin(String scheme, String host, int port) {

    /** The origin of an absolute http(s) URI; empty for anything else. */
    public static Optional<Origin> of(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort;
        if (scheme.equals("https")) {
            defaultPort = 443;
        } else if (scheme.equals("http")) {
            defaultPort = 80;
        } else {
            return Optional.empty();
        }
        String host;
        try {
            host = IDN.toASCII(uri.getHost(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAHostName) {
            return Optional.empty();
        }
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        return Optional.of(new Origin(scheme, host, port));
    }

    /** Whether both URIs are absolute http(s) URIs with the same origin. */
    public static boolean same(URI a, URI b) {
        Optional<Origin> first = of(a);
        return first.isPresent() && first.equals(of(b));
    }
}
