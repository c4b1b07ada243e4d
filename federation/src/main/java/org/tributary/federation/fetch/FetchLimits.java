package org.tributary.federation.fetch;

/**
 * Bounds on one fetch. Timeouts belong to the {@link org.tributary.federation.delivery.DoubleKnockSender}
 * the fetcher sends through.
 */
public record FetchLimits(long maxBodyBytes, int maxRedirects) {

    public FetchLimits {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
    }

    /** 1 MiB and 3 redirects, as Mastodon allows. */
    public static FetchLimits defaults() {
        return new FetchLimits(1024L * 1024L, 3);
    }
}
