package org.tributary.node.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Redirect URIs an app may register: absolute, without a fragment, not a scheme that runs code or reads
 * files; native apps' custom schemes are fine. {@link #OUT_OF_BAND} asks for the code to be shown.
 */
public final class RedirectUris {
    public static final String OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";
    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "vbscript", "file", "blob");
    private static final int MAX_LENGTH = 2000;
    private static final int MAX_COUNT = 10;

    private RedirectUris() {
    }

    /** Splits a registration's whitespace-separated list; refuses the whole list if one entry is bad. */
    public static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("redirect_uris is required");
        }
        List<String> uris = new ArrayList<>();
        for (String candidate : text.strip().split("\\s+")) {
            if (!isAcceptable(candidate)) {
                throw new IllegalArgumentException("redirect URI not acceptable: it must be absolute, without a "
                        + "fragment, and not use a javascript, data or file scheme");
            }
            if (!uris.contains(candidate)) {
                uris.add(candidate);
            }
        }
        if (uris.size() > MAX_COUNT) {
            throw new IllegalArgumentException("at most " + MAX_COUNT + " redirect URIs");
        }
        return uris;
    }

    static boolean isAcceptable(String candidate) {
        if (OUT_OF_BAND.equals(candidate)) {
            return true;
        }
        if (candidate.length() > MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(candidate);
            return uri.isAbsolute() && uri.getRawFragment() == null
                    && !FORBIDDEN_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
