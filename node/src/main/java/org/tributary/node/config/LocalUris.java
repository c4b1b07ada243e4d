package org.tributary.node.config;

import java.net.URI;

/**
 * Every URI this node mints, in one place, so that the ActivityPub layer, the services and the
 * client API agree on where things live.
 */
public final class LocalUris {
    /** The instance actor's reserved username; not a valid employee username (leading underscore). */
    public static final String INSTANCE_ACTOR_USERNAME = "_instance";

    private final NodeConfig config;

    public LocalUris(NodeConfig config) {
        this.config = config;
    }

    public URI base() {
        return config.baseUrl();
    }

    public URI actor(String username) {
        return username.equals(INSTANCE_ACTOR_USERNAME) ? config.resolve("/actor") : config.resolve("/users/" + username);
    }

    public URI inbox(String username) {
        return username.equals(INSTANCE_ACTOR_USERNAME) ? config.resolve("/actor/inbox")
                : config.resolve("/users/" + username + "/inbox");
    }

    public URI outbox(String username) {
        return config.resolve("/users/" + username + "/outbox");
    }

    public URI followers(String username) {
        return config.resolve("/users/" + username + "/followers");
    }

    public URI following(String username) {
        return config.resolve("/users/" + username + "/following");
    }

    public URI sharedInbox() {
        return config.resolve("/inbox");
    }

    /** The RSA key every actor has (the one generic servers use). */
    public URI rsaKeyId(String username) {
        return URI.create(actor(username) + "#main-key");
    }

    /** The Ed25519 key, published as a Multikey in {@code assertionMethod}. */
    public URI ed25519KeyId(String username) {
        return URI.create(actor(username) + "#ed25519-key");
    }

    public URI status(String username, long statusId) {
        return config.resolve("/users/" + username + "/statuses/" + statusId);
    }

    public URI activity(String username, String kind, long id) {
        return config.resolve("/users/" + username + "/" + kind + "/" + id);
    }

    /** The page of a hashtag, the {@code href} of its Hashtag tag. */
    public URI tag(String name) {
        return config.resolve("/tags/" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The tag name a URI of this node's tag pages names ({@code /tags/<name>}), normalized; empty for any
     * other URI. The page is also the tag's collection that peers follow.
     */
    public java.util.Optional<String> tagName(URI uri) {
        if (!isLocal(uri) || uri.getRawPath() == null || !uri.getRawPath().startsWith("/tags/")) {
            return java.util.Optional.empty();
        }
        String raw = uri.getRawPath().substring("/tags/".length());
        if (raw.isEmpty() || raw.contains("/")) {
            return java.util.Optional.empty();
        }
        String name = org.tributary.node.post.StatusTagStore.normalize(
                java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8));
        return name.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(name);
    }

    /** A peer's collection of a tag, {@code <scheme>://<peer>/tags/<name>}: where Tributary nodes serve it. */
    public URI peerTag(String peerAuthority, String name) {
        return URI.create(config.baseUrl().getScheme() + "://" + peerAuthority + "/tags/"
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A peer's instance actor, {@code <scheme>://<peer>/actor}: where Tributary nodes serve it. */
    public URI peerInstanceActor(String peerAuthority) {
        return URI.create(config.baseUrl().getScheme() + "://" + peerAuthority + "/actor");
    }

    public URI context() {
        return config.resolve("/ns/tributary");
    }

    /** Whether a URI points at this node. */
    public boolean isLocal(URI uri) {
        return uri != null && uri.getHost() != null && uri.getHost().equalsIgnoreCase(config.baseUrl().getHost())
                && effectivePort(uri) == effectivePort(config.baseUrl());
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
