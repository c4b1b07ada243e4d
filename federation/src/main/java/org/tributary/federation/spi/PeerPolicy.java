package org.tributary.federation.spi;

import java.net.URI;
import java.util.Locale;

/**
 * Decides which remote nodes this node talks to. A peer is named by its authority ({@code host} or
 * {@code host:port}, lower-case), because department nodes on one machine differ only by port.
 * Nothing is fetched from, delivered to or accepted from a host this policy does not allow.
 */
@FunctionalInterface
public interface PeerPolicy {

    boolean isAllowedAuthority(String authority);

    default boolean isAllowed(URI uri) {
        if (uri == null || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return false;
        }
        return isAllowedAuthority(authorityOf(uri));
    }

    /** The normalised authority of a URI: lower-case host, with the port when one is given. */
    static String authorityOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
    }
}
