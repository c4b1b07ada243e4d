/**
 * The black-box conformance suite: tests that talk to a real Tributary node only over HTTP, as any other
 * implementation would. The node runs in-process (so a test can start it, allowlist a peer and set its
 * clock), but every assertion is on an HTTP response or on what the node later serves or sends over HTTP.
 * A fake remote peer is a loopback server that serves actor documents and records what the node sends it;
 * the tests sign the requests they send themselves.
 */
package org.tributary.spec.conformance;
