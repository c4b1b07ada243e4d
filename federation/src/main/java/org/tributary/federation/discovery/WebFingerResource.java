package org.tributary.federation.discovery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tributary.federation.spi.PeerPolicy;

/**
 * What a WebFinger query asks about: an account ({@code acct:user@host[:port]}) or an actor URL.
 * Ports are part of the authority because departments on one machine differ only by port (Fedify
 * sends {@code acct:peer@127.0.0.1:8950}).
 */
public sealed interface WebFingerResource permits WebFingerResource.Account, WebFingerResource.ActorUrl {

    /** The peer that answers for this resource: {@code host} or {@code host:port}, lower case. */
    String authority();

    /** The resource as the {@code resource} query parameter and the JRD {@code subject} write it. */
    String asResource();

    /** {@code acct:user@authority}. */
    record Account(String user, String authority) implements WebFingerResource {

        /** A user name as RFC 7565 allows it unencoded, minus characters no one uses in handles. */
        private static final Pattern USER = Pattern.compile("[A-Za-z0-9._~+-]{1,128}");

        public Account {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(authority, "authority");
            if (!USER.matcher(user).matches()) {
                throw new IllegalArgumentException("invalid user name");
            }
            authority = Authorities.normalize(authority)
                    .orElseThrow(() -> new IllegalArgumentException("invalid authority"));
        }

        @Override
        public String asResource() {
            return "acct:" + user + "@" + authority;
        }

        /** The handle people type: {@code @user@host}. */
        public String handle() {
            return "@" + user + "@" + authority;
        }
    }

    /** An actor's own http(s) URL used as the resource. */
    record ActorUrl(URI url) implements WebFingerResource {

        public ActorUrl {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
        }

        @Override
        public String authority() {
            return PeerPolicy.authorityOf(url);
        }

        @Override
        public String asResource() {
            return url.toString();
        }
    }

    /**
     * Parses a {@code resource} parameter: {@code acct:user@host[:port]} or an http(s) URL. Empty
     * when it is neither (a WebFinger server answers that with 400).
     */
    static Optional<WebFingerResource> parse(String resource) {
        if (resource == null || resource.length() > 2048) {
            return Optional.empty();
        }
        if (resource.regionMatches(true, 0, "acct:", 0, 5)) {
            return account(resource.substring(5)).map(WebFingerResource.class::cast);
        }
        try {
            return Optional.of(new ActorUrl(new URI(resource)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Parses a handle as people type it: {@code user@host[:port]}, optionally with a leading {@code @}. */
    static Optional<Account> parseHandle(String handle) {
        if (handle == null || handle.length() > 300) {
            return Optional.empty();
        }
        return account(handle.startsWith("@") ? handle.substring(1) : handle);
    }

    private static Optional<Account> account(String userAtAuthority) {
        int at = userAtAuthority.lastIndexOf('@');
        if (at <= 0 || at == userAtAuthority.length() - 1) {
            return Optional.empty();
        }
        String user = userAtAuthority.substring(0, at);
        Optional<String> authority = Authorities.normalize(userAtAuthority.substring(at + 1));
        if (!Account.USER.matcher(user).matches() || authority.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Account(user, authority.get()));
    }
}
