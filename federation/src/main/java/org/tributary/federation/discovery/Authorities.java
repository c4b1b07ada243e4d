package org.tributary.federation.discovery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Validation of {@code host[:port]} strings, in the normal form {@code PeerPolicy} uses. */
final class Authorities {

    private Authorities() {
    }

    /** The lower-cased authority, or empty if it is not a plain {@code host[:port]}. */
    static Optional<String> normalize(String authority) {
        if (authority == null || authority.isEmpty() || authority.length() > 261) {
            return Optional.empty();
        }
        try {
            URI uri = new URI("http://" + authority + "/");
            if (uri.getHost() == null || uri.getUserInfo() != null || !authority.equals(uri.getRawAuthority())
                    || (uri.getPort() == 0 || uri.getPort() > 65535)) {
                return Optional.empty();
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(uri.getPort() == -1 ? host : host + ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
