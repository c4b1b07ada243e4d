/**
 * The allowlist of peer nodes: the only hosts this node talks to.
 */
package org.tributary.node.peer;
