package org.tributary.node.poll;

/** What became of a vote from another node. */
public sealed interface VoteResult {

    /** The vote was counted. */
    record Counted() implements VoteResult {
    }

    /** The vote was refused: closed poll, unknown option, a second vote... */
    record Refused(String reason) implements VoteResult {
    }
}
