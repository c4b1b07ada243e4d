package org.tributary.federation.discovery;

import java.net.URI;
import java.util.Objects;

/**
 * One link of a JRD. {@code type}, {@code href} and {@code template} are {@code null} when absent
 * (a template link, such as Mastodon's remote-follow one, has no href).
 */
public record WebFingerLink(String rel, String type, URI href, String template) {

    public static final String REL_SELF = "self";
    public static final String REL_PROFILE_PAGE = "http://webfinger.net/rel/profile-page";

    public WebFingerLink {
        Objects.requireNonNull(rel, "rel");
    }

    /** The {@code self} link of an ActivityPub actor. */
    public static WebFingerLink self(URI actor) {
        return new WebFingerLink(REL_SELF, "application/activity+json", actor, null);
    }

    /**
     * Whether this link points at an ActivityPub actor: rel {@code self} with type
     * {@code application/activity+json} or the ActivityStreams profile of {@code application/ld+json}.
     */
    public boolean isActivityPubSelf() {
        if (!REL_SELF.equals(rel) || type == null || href == null) {
            return false;
        }
        String normalized = type.replace(" ", "").replace("'", "\"").toLowerCase(java.util.Locale.ROOT);
        return normalized.equals("application/activity+json")
                || normalized.equals("application/ld+json;profile=\"https://www.w3.org/ns/activitystreams\"");
    }
}
