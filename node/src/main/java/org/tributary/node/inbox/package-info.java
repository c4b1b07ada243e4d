/**
 * The durable inbox: activities stored before the node answers 202, and the processor that runs handlers from it.
 */
package org.tributary.node.inbox;
