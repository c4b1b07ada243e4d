/**
 * Employees' credentials (Argon2id) and the bearer tokens of the client API.
 */
package org.tributary.node.auth;
