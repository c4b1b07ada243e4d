package org.tributary.node.poll;

import java.util.List;

/** A new poll: its options in order, seconds until it closes, and whether several options may be chosen. */
public record PollRequest(List<String> options, long expiresInSeconds, boolean multiple) {
    public PollRequest {
        options = options == null ? List.of() : options.stream().map(option -> option == null ? "" : option.strip())
                .toList();
    }
}
