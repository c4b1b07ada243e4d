/**
 * Actor keys: our private keys for signing, peers' public keys for verifying, cached and refreshed on rotation.
 */
package org.tributary.node.keys;
