package org.tributary.federation.discovery;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.tributary.federation.spi.PeerPolicy;

/**
 * Resolves {@code acct:user@host[:port]} to an actor URI through the peer's WebFinger endpoint.
 *
 * <p>The answer is trusted only if its {@code subject} is the account asked for and its ActivityPub
 * {@code self} link stays on the same authority: a peer may only speak for its own accounts.
 * The HTTP client should not follow redirects; if it does, an answer from another host is refused.
 */
public final class WebFingerClient {

    private final BoundedGet get;
    private final String scheme;
    private final WebFingerCodec codec = new WebFingerCodec();

    /**
     * @param scheme {@code https}, or {@code http} for nodes on loopback
     */
    public WebFingerClient(HttpClient http, PeerPolicy policy, String scheme) {
        this(http, policy, scheme, FetchLimits.DEFAULT);
    }

    public WebFingerClient(HttpClient http, PeerPolicy policy, String scheme, FetchLimits limits) {
        this.get = new BoundedGet(http, policy, limits);
        this.scheme = checkedScheme(scheme);
    }

    /**
     * Fetches and checks the JRD for an account.
     *
     * @throws DiscoveryException {@code PEER_NOT_ALLOWED} before any request if the account's host is
     *                            not an allowed peer; {@code FETCH_FAILED} for any failure or a wrong subject
     */
    public WebFingerDocument lookup(WebFingerResource.Account account) throws DiscoveryException {
        Objects.requireNonNull(account, "account");
        URI query = URI.create(scheme + "://" + account.authority() + "/.well-known/webfinger?resource="
                + URLEncoder.encode(account.asResource(), StandardCharsets.UTF_8));
        WebFingerDocument document = codec.read(get.get(query, WebFingerCodec.MEDIA_TYPE), get.limits().maxBytes());
        if (!sameAccount(account, document.subject())) {
            throw DiscoveryException.fetchFailed("WebFinger subject does not match " + account.asResource());
        }
        return document;
    }

    /**
     * The actor URI of an account.
     *
     * @throws DiscoveryException as {@link #lookup}, and {@code FETCH_FAILED} if there is no
     *                            ActivityPub self link or it points to another host
     */
    public URI resolveActor(WebFingerResource.Account account) throws DiscoveryException {
        WebFingerLink self = lookup(account).activityPubSelf()
                .orElseThrow(() -> DiscoveryException.fetchFailed("no ActivityPub self link for "
                        + account.asResource()));
        if (!account.authority().equals(PeerPolicy.authorityOf(self.href()))) {
            throw DiscoveryException.fetchFailed("self link of " + account.asResource() + " is on another host");
        }
        return self.href();
    }

    /** Subjects compare as accounts: the host is case-insensitive, the user name is not. */
    private static boolean sameAccount(WebFingerResource.Account account, String subject) {
        return WebFingerResource.parse(subject)
                .filter(parsed -> parsed.equals(account))
                .isPresent();
    }

    static String checkedScheme(String scheme) {
        String lower = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
        if (!lower.equals("https") && !lower.equals("http")) {
            throw new IllegalArgumentException("scheme must be http or https");
        }
        return lower;
    }
}
