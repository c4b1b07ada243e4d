package org.tributary.federation.fetch;

import java.util.Objects;

/** A response body read up to a limit: all of it, or the fact that it was too large (the rest unread). */
public sealed interface BoundedBody {

    record Complete(byte[] bytes) implements BoundedBody {
        public Complete {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    record TooLarge(long limit) implements BoundedBody { }
}
