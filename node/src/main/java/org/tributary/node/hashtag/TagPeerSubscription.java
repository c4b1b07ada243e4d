package org.tributary.node.hashtag;

import java.net.URI;

/** This node's subscription to one peer's collection of one tag: the Follow it sent and whether it was accepted. */
public record TagPeerSubscription(long id, String name, String peer, URI collection, URI followId, boolean accepted) {
}
