/**
 * Blocks and mutes between accounts, answering follow requests, removing a follower, and the
 * relationship one account has with another as the client API shows it.
 */
package org.tributary.node.relationship;
