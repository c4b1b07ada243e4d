package org.tributary.federation.delivery;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.inbox.ActivityMediaType;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.signature.SigningKeys;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.federation.spi.DeliveryQueue;
import org.tributary.federation.spi.FederationEvent.DeliveryAttempted;
import org.tributary.federation.spi.FederationEvent.DeliveryDisposition;
import org.tributary.federation.spi.FederationEventListener;
import org.tributary.federation.spi.LocalKeys;
import org.tributary.federation.spi.PeerPolicy;

/**
 * One attempt at one claimed job, and its consequence in the queue: 2xx delivered; 4xx other than
 * 401/408/429 dead-lettered at once (the peer will not change its mind); anything else (other statuses,
 * timeouts, connection errors) rescheduled by the {@link BackoffSchedule}, or dead-lettered after the
 * last attempt. Every exchange is reported to the listener.
 */
public final class JobDelivery {

    /** A peer's Retry-After is honoured up to this much, so a hostile value cannot park a job forever. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final DeliveryQueue queue;
    private final LocalKeys keys;
    private final PeerPolicy peers;
    private final DoubleKnockSender sender;
    private final BackoffSchedule backoff;
    private final PeerCircuitBreaker breaker;
    private final FederationEventListener listener;
    private final Clock clock;

    public JobDelivery(DeliveryQueue queue, LocalKeys keys, PeerPolicy peers, DoubleKnockSender sender,
            BackoffSchedule backoff, PeerCircuitBreaker breaker, FederationEventListener listener, Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.peers = Objects.requireNonNull(peers, "peers");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void deliver(DeliveryJob job) {
        int attempt = job.attempts() + 1;
        // The policy may have changed since the job was planned.
        if (!peers.isAllowed(job.inbox())) {
            deadLetter(job.afterAttempt(clock.instant()), attempt, Optional.empty(),
                    FederationError.PEER_NOT_ALLOWED.code() + ": " + job.inbox() + " is not an allowed peer");
            return;
        }
        String peer = PeerPolicy.authorityOf(job.inbox());
        Optional<Instant> openUntil = breaker.openUntil(peer);
        if (openUntil.isPresent()) {
            queue.reschedule(job.postponedTo(openUntil.get()), openUntil.get(), "circuit open for " + peer);
            report(job, attempt, Optional.empty(), DeliveryDisposition.POSTPONED,
                    "circuit open until " + openUntil.get());
            return;
        }
        Optional<SigningKeys> signingKeys = keys.signingKeysFor(job.signingKeyId());
        if (signingKeys.isEmpty()) {
            deadLetter(job.afterAttempt(clock.instant()), attempt, Optional.empty(),
                    "no local signing key " + job.signingKeyId());
            return;
        }
        HttpRequestParts request = new HttpRequestParts("POST", job.inbox(),
                HeaderMap.empty().with("content-type", ActivityMediaType.ACTIVITY_JSON), job.body());
        List<Knock<Void>> knocks = sender.send(request, signingKeys.get(), HttpResponse.BodyHandlers.discarding());
        for (Knock<Void> refused : knocks.subList(0, knocks.size() - 1)) {
            SignatureScheme other = SignatureSchemeMemory.other(refused.scheme());
            report(job, attempt, Optional.of(refused), DeliveryDisposition.SCHEME_FALLBACK, "signature refused; "
                    + "retrying with " + other + " (key " + signingKeys.get().forScheme(other).keyId() + ")");
        }
        settle(job, attempt, peer, knocks.get(knocks.size() - 1));
    }

    private void settle(DeliveryJob job, int attempt, String peer, Knock<Void> last) {
        Optional<Knock<Void>> knock = Optional.of(last);
        if (last instanceof Knock.Answered<Void> answered) {
            int code = answered.status();
            if (code >= 200 && code < 300) {
                breaker.recordSuccess(peer);
                queue.markDelivered(job.afterAttempt(clock.instant()));
                report(job, attempt, knock, DeliveryDisposition.DELIVERED, "HTTP " + code);
                return;
            }
            if (isPermanent(code)) {
                deadLetter(job.afterAttempt(clock.instant()), attempt, knock, "HTTP " + code + " (not retried)");
                return;
            }
            breaker.recordFailure(peer);
            retryOrGiveUp(job, attempt, knock, "HTTP " + code, retryAfter(answered));
            return;
        }
        breaker.recordFailure(peer);
        retryOrGiveUp(job, attempt, knock, ((Knock.Unanswered<Void>) last).detail(), Duration.ZERO);
    }

    /** 4xx other than 401 (maybe a stale key), 408 (timeout) and 429 (rate limit) will not get better. */
    static boolean isPermanent(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
    }

    private void retryOrGiveUp(DeliveryJob job, int attempt, Optional<Knock<Void>> knock, String error,
            Duration atLeast) {
        Optional<Duration> delay = backoff.delayAfterFailedAttempts(attempt);
        if (delay.isEmpty()) {
            deadLetter(job.afterAttempt(clock.instant()), attempt, knock,
                    error + " (last of " + backoff.maxAttempts() + " attempts)");
            return;
        }
        Duration wait = delay.get().compareTo(atLeast) >= 0 ? delay.get() : atLeast;
        Instant next = clock.instant().plus(wait);
        queue.reschedule(job.afterAttempt(next), next, error);
        report(job, attempt, knock, DeliveryDisposition.RESCHEDULED, error + "; next attempt at " + next);
    }

    private void deadLetter(DeliveryJob job, int attempt, Optional<Knock<Void>> knock, String error) {
        queue.deadLetter(job, error);
        report(job, attempt, knock, DeliveryDisposition.DEAD_LETTERED, error);
    }

    private static Duration retryAfter(Knock.Answered<Void> answered) {
        Optional<String> header = answered.response().headers().firstValue("retry-after");
        try {
            long seconds = header.map(String::trim).map(Long::parseLong).orElse(0L);
            Duration requested = Duration.ofSeconds(Math.max(0, seconds));
            return requested.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : requested;
        } catch (NumberFormatException httpDate) {
            return Duration.ZERO; // an HTTP-date Retry-After; the backoff alone is good enough
        }
    }

    private static OptionalInt statusOf(Knock<?> knock) {
        return knock instanceof Knock.Answered<?> answered ? OptionalInt.of(answered.status()) : OptionalInt.empty();
    }

    /** Reports one exchange ({@code knock}) or a decision made without one (empty). */
    private void report(DeliveryJob job, int attempt, Optional<Knock<Void>> knock, DeliveryDisposition disposition,
            String detail) {
        String peer = job.inbox().getHost() == null ? job.inbox().toString() : PeerPolicy.authorityOf(job.inbox());
        listener.onEvent(new DeliveryAttempted(clock.instant(), peer, job.activityId(), job.inbox(), job.body(),
                attempt, knock.map(Knock::scheme), knock.map(Knock::keyId),
                knock.map(JobDelivery::statusOf).orElse(OptionalInt.empty()), disposition, detail));
    }
}
