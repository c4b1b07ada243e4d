package org.tributary.federation.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * When to try a failed delivery again. Follows Mastodon's delivery worker so that peers see familiar
 * behaviour: after the n-th failed attempt the job waits {@code (n-1)^4 + 15} seconds plus jitter of up
 * to half that polynomial and {@code 10·n} seconds more, which spreads retries of a burst over time
 * instead of hammering a recovering peer all at once. With 17 attempts (the first and 16 retries) the
 * retries span about 2.1 to 3.1 days.
 *
 * <p>The jitter comes from the injected {@link Random}, so a seeded schedule is reproducible in tests.
 */
public final class BackoffSchedule {

    /** The first attempt plus 16 retries, as Mastodon does. */
    public static final int MASTODON_MAX_ATTEMPTS = 17;

    private final int maxAttempts;
    private final Random random;

    public BackoffSchedule(int maxAttempts, Random random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.random = Objects.requireNonNull(random, "random");
    }

    public static BackoffSchedule mastodonLike(Random random) {
        return new BackoffSchedule(MASTODON_MAX_ATTEMPTS, random);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The wait before the next attempt, given how many attempts have failed so far; empty when that was
     * the last attempt allowed and the job should be dead-lettered.
     */
    public Optional<Duration> delayAfterFailedAttempts(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1");
        }
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        long retry = failedAttempts - 1L;
        long polynomial = retry * retry * retry * retry;
        long spread = random.nextLong(polynomial / 2 + 1);
        long perAttemptJitter = (long) random.nextInt(10) * failedAttempts;
        return Optional.of(Duration.ofSeconds(polynomial + 15 + spread + perAttemptJitter));
    }
}
