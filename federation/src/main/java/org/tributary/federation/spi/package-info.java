/**
 * The interfaces the node implements so that the protocol library can work without knowing how the node
 * stores things: which peers are allowed, its durable inbox and outbound queue, its own signing keys,
 * the cache of remote keys, and the compliance-log listener. Also the values that cross this boundary.
 * In-memory implementations for tests live in the test-jar's {@code testing} package.
 */
package org.tributary.federation.spi;
