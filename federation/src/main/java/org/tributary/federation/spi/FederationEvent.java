package org.tributary.federation.spi;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tributary.federation.FederationError;
import org.tributary.federation.signature.SignatureScheme;

/**
 * A fact for the compliance log. Fields that may be unknown (an activity rejected before its JSON could
 * be read has no id) are {@code Optional}.
 */
public sealed interface FederationEvent {

    Instant at();

    /** What the inbox did with a request. */
    enum InboundDisposition { ACCEPTED, DUPLICATE, REJECTED }

    /**
     * One inbound request and its outcome.
     *
     * @param peer the authority of the signing key (or of the actor), when known
     */
    record InboundProcessed(
            Instant at,
            Optional<String> peer,
            Optional<URI> activityId,
            Optional<String> type,
            Optional<URI> actor,
            InboundDisposition disposition,
            Optional<FederationError> error,
            String detail) implements FederationEvent {

        public InboundProcessed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(activityId, "activityId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(disposition, "disposition");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** What became of one HTTP exchange (or a skipped one) for a delivery job. */
    enum DeliveryDisposition {
        /** 2xx: the job is done. */
        DELIVERED,
        /** 400/401 on the first scheme: the same attempt is retried at once with the other scheme. */
        SCHEME_FALLBACK,
        /** A failure worth retrying: the job is due again later. */
        RESCHEDULED,
        /** A permanent failure or the last attempt: the job stops. */
        DEAD_LETTERED,
        /** No request was made because the peer's circuit is open; the attempt is not counted. */
        POSTPONED
    }

    /**
     * One delivery exchange.
     *
     * @param body    the bytes sent (the same for every attempt of the job), for the log to keep
     * @param attempt the attempt number, starting at 1
     * @param scheme  the signature scheme of the exchange, absent when no request was made
     * @param keyId   the key that signed the exchange, absent when no request was made
     * @param status  the HTTP status, absent when no response came (timeout, connection refused)
     */
    record DeliveryAttempted(
            Instant at,
            String peer,
            URI activityId,
            URI inbox,
            byte[] body,
            int attempt,
            Optional<SignatureScheme> scheme,
            Optional<URI> keyId,
            OptionalInt status,
            DeliveryDisposition disposition,
            String detail) implements FederationEvent {

        public DeliveryAttempted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(activityId, "activityId");
            Objects.requireNonNull(inbox, "inbox");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(disposition, "disposition");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
