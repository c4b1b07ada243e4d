/**
 * Live timelines: Mastodon's streaming API as server-sent events. The post and inbound services
 * report posts after commit ({@link org.tributary.node.post.StatusEvents}); the {@link
 * org.tributary.node.streaming.StreamHub} fans each event out to the open streams' bounded queues, and
 * one writer per stream checks what its viewer may see and sends it, with heartbeats in between. A
 * stream that falls behind (its queue is full) is closed rather than slowing everyone down.
 */
package org.tributary.node.streaming;
