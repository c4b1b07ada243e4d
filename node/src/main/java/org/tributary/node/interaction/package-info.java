/**
 * Likes (favourites) and boosts (reblogs): storing them, the counts every node shows, the client API's
 * use cases and the Update(Note) that tells other nodes a local post's new counts.
 */
package org.tributary.node.interaction;
