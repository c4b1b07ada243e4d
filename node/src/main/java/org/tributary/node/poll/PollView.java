package org.tributary.node.poll;

import java.util.List;

/** A poll as one viewer sees it: {@code ownVotes} are the positions the viewer chose (empty if none). */
public record PollView(Poll poll, List<Integer> ownVotes) {
    public PollView {
        ownVotes = List.copyOf(ownVotes);
    }
}
