package org.tributary.node.hashtag;

import java.net.URI;

/** A peer node subscribed to this node's collection of one tag: its instance actor and where to deliver. */
public record TagSubscriber(long id, String name, URI subscriber, URI inbox, URI followId) {
}
