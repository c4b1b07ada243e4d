package org.tributary.node.question;

import java.net.URI;
import java.time.Instant;

/** A question, keyed by its post; {@code acceptedAnswer} and {@code acceptedAt} are {@code null} while open. */
public record Question(long statusId, URI acceptedAnswer, Instant acceptedAt) {
    public boolean isAnswered() {
        return acceptedAnswer != null;
    }
}
