package org.tributary.node.peer;

import java.time.Instant;

/** A peer node on the allowlist, named by its authority ({@code host:port}). */
public record Peer(String authority, Instant addedAt, String note) {
}
