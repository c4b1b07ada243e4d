package org.tributary.node.streaming;

import java.util.List;
import org.tributary.node.post.Status;

/** Something that happened to a post, as a stream reports it; {@code tags} are the post's hashtags. */
public record StreamEvent(Kind kind, Status status, List<String> tags) {

    public StreamEvent {
        tags = List.copyOf(tags);
    }

    /** Mastodon's event names. */
    public enum Kind {
        UPDATE("update"), STATUS_UPDATE("status.update"), DELETE("delete");

        private final String eventName;

        Kind(String eventName) {
            this.eventName = eventName;
        }

        public String eventName() {
            return eventName;
        }
    }
}
