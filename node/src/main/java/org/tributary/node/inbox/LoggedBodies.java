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
 * restarted) or already taken (a retry) is read from the log as before. The log's writer offers a body
 * while its row is being inserted, before the commit, so the processor, which only asks for rows it read
 * committed, never looks before the offer. Row ids are never reused, so a body offered in a batch that then
 * rolled back is never taken by another row; the processor drops such leftovers once it reads pending rows
 * past them. The bytes held are bounded: a processor far behind a burst costs no more memory, and the
 * bodies it reaches first stay held.
 */
public final class LoggedBodies {
    private final long maxBytes;
    // One thread offers (the log's writer) and one takes (the processor): a lock costs nothing here and
    // keeps the byte count exact.
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
