package org.tributary.node.account;

import java.net.URI;
import java.time.Instant;

/**
 * An actor this node knows: one of its own employees ({@code authority} empty) or a colleague on a
 * peer node, cached from their actor document.
 */
public record Account(long id, String username, String authority, URI uri, String displayName, String summary,
        URI inbox, URI sharedInbox, URI followers, boolean locked, Role role, boolean suspended, Instant createdAt) {

    public boolean isLocal() {
        return authority.isEmpty();
    }

    /** The node's own actor for signing fetches; not a person, never listed or followed. */
    public boolean isInstanceActor() {
        return isLocal() && username.equals(org.tributary.node.config.LocalUris.INSTANCE_ACTOR_USERNAME);
    }

    /** {@code user} for local accounts, {@code user@host:port} for remote ones (Mastodon's {@code acct}). */
    public String acct() {
        return isLocal() ? username : username + "@" + authority;
    }

    /** The inbox to deliver to: the node's shared inbox when it has one. */
    public URI deliveryInbox() {
        return sharedInbox != null ? sharedInbox : inbox;
    }
}
