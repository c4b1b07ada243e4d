/**
 * Hashtags: following a tag, tag timelines, and the node-to-node subscriptions that make a followed
 * tag reach across the organization. When the first employee here follows {@code #tag}, the instance
 * actor follows every Tributary peer's tag collection; each peer then delivers its organization posts
 * with the tag to this node. The protocol is described in {@code spec/hashtags.md}.
 */
package org.tributary.node.hashtag;
