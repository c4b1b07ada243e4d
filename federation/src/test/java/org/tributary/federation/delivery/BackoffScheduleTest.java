package org.tributary.federation.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffScheduleTest {

    /** A Random that always draws its lowest or its highest value, to bound the schedule. */
    private static Random extreme(boolean highest) {
        return new Random() {
            @Override
            public int nextInt(int bound) {
                return highest ? bound - 1 : 0;
            }

            @Override
            public long nextLong(long bound) {
                return highest ? bound - 1 : 0;
            }
        };
    }

    private static Duration totalRetryTime(BackoffSchedule schedule) {
        Duration total = Duration.ZERO;
        for (int failed = 1; failed < schedule.maxAttempts(); failed++) {
            total = total.plus(schedule.delayAfterFailedAttempts(failed).orElseThrow());
        }
        return total;
    }

    @Test
    void firstRetryComesAfterFifteenToTwentyFourSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(15)),
                BackoffSchedule.mastodonLike(extreme(false)).delayAfterFailedAttempts(1));
        assertEquals(Optional.of(Duration.ofSeconds(24)),
                BackoffSchedule.mastodonLike(extreme(true)).delayAfterFailedAttempts(1));
    }

    @Test
    void sixteenRetriesSpanTwoToThreeDays() {
        Duration shortest = totalRetryTime(BackoffSchedule.mastodonLike(extreme(false)));
        Duration longest = totalRetryTime(BackoffSchedule.mastodonLike(extreme(true)));
        assertTrue(shortest.compareTo(Duration.ofHours(49)) > 0, "shortest " + shortest);
        assertTrue(longest.compareTo(Duration.ofHours(76)) < 0, "longest " + longest);
    }

    @Test
    void delaysGrowWithEachFailure() {
        BackoffSchedule schedule = BackoffSchedule.mastodonLike(new Random(7));
        Duration previous = Duration.ZERO;
        for (int failed = 2; failed < schedule.maxAttempts(); failed++) {
            Duration delay = schedule.delayAfterFailedAttempts(failed).orElseThrow();
            assertTrue(delay.compareTo(previous) > 0, "delay after " + failed + " failures");
            previous = delay;
        }
    }

    @Test
    void theLastAttemptHasNoRetry() {
        BackoffSchedule schedule = new BackoffSchedule(3, new Random(1));
        assertTrue(schedule.delayAfterFailedAttempts(2).isPresent());
        assertEquals(Optional.empty(), schedule.delayAfterFailedAttempts(3));
        assertEquals(17, BackoffSchedule.mastodonLike(new Random()).maxAttempts());
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        List<Duration> first = new ArrayList<>();
        List<Duration> second = new ArrayList<>();
        BackoffSchedule a = BackoffSchedule.mastodonLike(new Random(42));
        BackoffSchedule b = BackoffSchedule.mastodonLike(new Random(42));
        for (int failed = 1; failed < 17; failed++) {
            first.add(a.delayAfterFailedAttempts(failed).orElseThrow());
            second.add(b.delayAfterFailedAttempts(failed).orElseThrow());
        }
        assertEquals(first, second);
    }
}
