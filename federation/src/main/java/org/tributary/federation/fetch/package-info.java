/**
 * Signed fetches of remote ActivityPub documents with the origin rules of DESIGN §4:
 * {@link org.tributary.federation.fetch.SignedFetcher} only talks to allowed peers, follows at most a few
 * same-origin redirects by hand, bounds size and time, and insists that a document is what its URL says
 * it is. {@link org.tributary.federation.fetch.ActorKeyResolver} builds the inbox's key resolution on it.
 */
package org.tributary.federation.fetch;
