/**
 * In-memory implementations of the federation SPI and small fixtures, shipped in the test-jar so that the
 * node's tests can use them too. None of them is durable; all are thread-safe.
 */
package org.tributary.federation.testing;
