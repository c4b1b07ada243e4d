package org.tributary.node.inbox;

import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The raw bytes of activities just stored with the compliance log, held in memory until the inbox processor
 * takes them, so that it does not read back from the log what the request handed over a moment before (in
 * benchmark 1's profile that read was the largest cost the log adds to the processor). Keyed by the inbox
 * row's id.
 *
 * <p>Only an optimisation: the log stays the source, and a body not held (the hand-off was full, the node
 * restarted) or already taken (a retry) is read from the log as before. The log's writer offers a body in the
 * transaction that stores it, before the commit, so it is held by the time the processor can see the row;
 * it takes it back if that transaction rolls back. The processor drops what is held for rows before the
 * oldest pending one, which it can no longer take. The bytes held are bounded: a processor far behind a
 * burst costs no more memory, and the bodies it reaches first stay held.
 */
public final class LoggedBodies {
    private final long maxBytes;
    // Offers come from whichever thread writes the log's batch, one batch at a time, and takes from the
    // processor: a lock costs next to nothing here and keeps the byte count exact.
    private final NavigableMap<Long, byte[]> bodies = new TreeMap<>();
    private long heldBytes;

    /** @param maxBytes the most raw bytes held at once; a body that would exceed it is not held */
    public LoggedBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Holds the raw bytes of inbox row {@code rowId}, unless that would exceed the bound. */
    public synchronized void offer(long rowId, byte[] body) {
        if (heldBytes + body.length > maxBytes) {
            return;
        }
        byte[] replaced = bodies.put(rowId, body);
        heldBytes += body.length - (replaced == null ? 0 : replaced.length);
    }

    /** The bytes held for inbox row {@code rowId}, which are no longer held; null when none are. */
    public synchronized byte[] take(long rowId) {
        byte[] body = bodies.remove(rowId);
        if (body != null) {
            heldBytes -= body.length;
        }
        return body;
    }

    /**
     * Drops what is held for rows before {@code rowId}: the oldest pending row, so none of those is pending
     * any more (a batch that rolled back, a row handled from the log).
     */
    public synchronized void dropBefore(long rowId) {
        NavigableMap<Long, byte[]> stale = bodies.headMap(rowId, false);
        for (byte[] body : stale.values()) {
            heldBytes -= body.length;
        }
        stale.clear();
    }

    /** How many bytes are held now. */
    public synchronized long heldBytes() {
        return heldBytes;
    }
}
