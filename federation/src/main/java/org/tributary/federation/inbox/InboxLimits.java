package org.tributary.federation.inbox;

/** Resource limits applied before any work is done on an inbound request. */
public record InboxLimits(long maxBodyBytes) {

    /** 1 MiB: far above any real activity, small enough that a flood of large bodies costs little. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024L * 1024L;

    public InboxLimits {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }

    public static InboxLimits defaults() {
        return new InboxLimits(DEFAULT_MAX_BODY_BYTES);
    }
}
