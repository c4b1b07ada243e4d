/**
 * Accounts: this node's employees and the instance actor, and colleagues on peer nodes cached from their actor documents.
 */
package org.tributary.node.account;
