package org.tributary.federation.discovery;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A JSON Resource Descriptor (RFC 7033 §4.4) as WebFinger returns it. */
public record WebFingerDocument(String subject, List<String> aliases, List<WebFingerLink> links) {

    public WebFingerDocument {
        Objects.requireNonNull(subject, "subject");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** The document a node serves for one of its accounts. */
    public static WebFingerDocument forAccount(WebFingerResource.Account account, URI actor, URI profilePage) {
        List<WebFingerLink> links = profilePage == null
                ? List.of(WebFingerLink.self(actor))
                : List.of(WebFingerLink.self(actor),
                        new WebFingerLink(WebFingerLink.REL_PROFILE_PAGE, "text/html", profilePage, null));
        return new WebFingerDocument(account.asResource(), List.of(actor.toString()), links);
    }

    /** The first link to an ActivityPub actor, if any. */
    public Optional<WebFingerLink> activityPubSelf() {
        return links.stream().filter(WebFingerLink::isActivityPubSelf).findFirst();
    }
}
