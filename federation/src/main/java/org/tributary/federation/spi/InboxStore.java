package org.tributary.federation.spi;

import java.net.URI;
import java.time.Instant;

/**
 * The node's durable inbox. The pipeline acknowledges an activity (202) only after this store has it,
 * so a crash after the acknowledgement loses nothing; handlers run later from the stored copy.
 */
public interface InboxStore {

    /**
     * Stores the activity unless one with the same id is already stored, as one atomic step, so that
     * two concurrent deliveries of the same id cannot both be applied.
     *
     * @param verifiedKeyId the key whose signature was verified (kept for the compliance log)
     * @return {@code true} if the activity was new and is now stored; {@code false} for a replay
     */
    boolean storeIfAbsent(InboundActivity activity, Instant receivedAt, URI verifiedKeyId);
}
