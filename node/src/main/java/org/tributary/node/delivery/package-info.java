/**
 * The node's side of outbound delivery: the durable queue in Derby and the outbox that plans one job per peer node.
 */
package org.tributary.node.delivery;
