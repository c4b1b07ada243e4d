/**
 * Conversations: a post's ancestors and descendants as the viewer may see them, and fetching the
 * missing ancestors of a reply from their home nodes.
 */
package org.tributary.node.thread;
