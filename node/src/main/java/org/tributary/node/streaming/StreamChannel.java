package org.tributary.node.streaming;

import org.tributary.node.post.StatusTagStore;

/**
 * Which timeline a stream follows: the viewer's home ({@code user}), the organization's or this
 * department's ({@code public}, {@code public:local}), or one hashtag's ({@code hashtag},
 * {@code hashtag:local}).
 */
public sealed interface StreamChannel permits StreamChannel.User, StreamChannel.Public, StreamChannel.Hashtag {

    /** Mastodon's stream name, as in the {@code stream} field of its events. */
    String name();

    record User() implements StreamChannel {
        @Override
        public String name() {
            return "user";
        }
    }

    record Public(boolean localOnly) implements StreamChannel {
        @Override
        public String name() {
            return localOnly ? "public:local" : "public";
        }
    }

    record Hashtag(String tag, boolean localOnly) implements StreamChannel {
        public Hashtag {
            tag = StatusTagStore.normalize(tag);
        }

        @Override
        public String name() {
            return localOnly ? "hashtag:local" : "hashtag";
        }
    }
}
