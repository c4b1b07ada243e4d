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
    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 253;

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
        String host = asciiHost(uri.getHost());
        if (host == null) {
            return Optional.empty();
        }
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        return Optional.of(new Origin(scheme, host, port));
    }

    /**
     * The host in lower-case ASCII as {@link IDN#toASCII} with STD3 rules gives it, or null where it refuses
     * it. Ordinary host names are answered without it: for dot-separated labels of 1 to 63 letters, digits
     * and hyphens, none at either end of a label, it returns the input unchanged (RFC 3490, ToASCII steps 3
     * and 8), and it cost ~2-3 % of the node's CPU under benchmark 1, called several times per activity.
     */
    static String asciiHost(String host) {
        if (isPlainHostName(host)) {
            return host.toLowerCase(Locale.ROOT);
        }
        try {
            return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAHostName) {
            return null;
        }
    }

    private static boolean isPlainHostName(String host) {
        if (host.isEmpty() || host.length() > MAX_NAME) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= host.length(); i++) {
            if (i == host.length() || host.charAt(i) == '.') {
                int length = i - labelStart;
                if (length == 0 || length > MAX_LABEL || host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (!isLetterDigitHyphen(host.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterDigitHyphen(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    /** Whether both URIs are absolute http(s) URIs with the same origin. */
    public static boolean same(URI a, URI b) {
        Optional<Origin> first = of(a);
        return first.isPresent() && first.equals(of(b));
    }
}
