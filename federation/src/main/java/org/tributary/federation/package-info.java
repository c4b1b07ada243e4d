/**
 * The ActivityPub protocol as a library: vocabulary, HTTP signatures, discovery, the inbound pipeline,
 * the delivery engine and signed fetches. It knows nothing of the node that uses it: no SQL, no social
 * rules; the node plugs in through the interfaces in {@code spi}.
 */
package org.tributary.federation;
