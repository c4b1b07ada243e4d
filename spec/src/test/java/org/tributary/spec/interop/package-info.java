/**
 * Test support for interoperability: starts an independent ActivityPub implementation (a Fedify
 * server from {@code spec/interop/fedify-peer}) on loopback and drives it through its test-only
 * control API, so tests can show that a Tributary node and a foreign server understand each other.
 */
package org.tributary.spec.interop;
