/**
 * Finding peers: WebFinger (RFC 7033) to turn {@code acct:user@host[:port]} into an actor URI, and
 * NodeInfo 2.1 to learn what software a peer runs. Both sides live here: the documents and their
 * codecs (which the node serves) and the clients (which fetch from peers).
 *
 * <p>The clients ask the {@link org.tributary.federation.spi.PeerPolicy} before any request, only
 * follow links that stay on the peer's own authority, and bound every response in size and time.
 * Failures are {@link org.tributary.federation.discovery.DiscoveryException}s carrying
 * {@code PEER_NOT_ALLOWED} or {@code FETCH_FAILED}.
 */
package org.tributary.federation.discovery;
