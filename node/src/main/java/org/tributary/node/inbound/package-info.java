/**
 * One handler per inbound activity, each a list of guards followed by one action, all registered in InboundHandlers.
 */
package org.tributary.node.inbound;
