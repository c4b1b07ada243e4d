package org.tributary.node.post;

import java.util.List;

/**
 * Told about posts after the transaction that wrote them has committed: new ones (written here or
 * received), edits and deletions. The streaming API listens, so an open timeline updates live.
 */
public interface StatusEvents {

    void created(Status status);

    void edited(Status status);

    /** The post as it was, with the tags it had, since a deleted post has none any more. */
    void deleted(Status status, List<String> tags);

    /** Tells no one: for rigs that do not stream. */
    static StatusEvents none() {
        return new StatusEvents() {
            @Override
            public void created(Status status) {
            }

            @Override
            public void edited(Status status) {
            }

            @Override
            public void deleted(Status status, List<String> tags) {
            }
        };
    }
}
