package org.tributary.node.directory;

/**
 * How one node answered a directory search: {@code ok} with a count, or {@code failed} / {@code timeout}
 * with a reason. A node that fails is reported, never fatal to the search.
 */
public record PeerOutcome(String node, String status, int count, String error) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String TIMEOUT = "timeout";

    public static PeerOutcome ok(String node, int count) {
        return new PeerOutcome(node, OK, count, null);
    }
}
