package org.tributary.node.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.node.store.Database;

/**
 * Activities just stored in the inbox, held in memory until the processor takes them, so that it does not
 * read back what the request handed over a moment before (the row's fields, and the raw bytes wherever they
 * are kept: the inbox row, or the compliance log's entry) nor parse those bytes again. In benchmark 1's
 * profile the reads were the processor's largest cost after the handlers. Keyed by the activity's place in its
 * queue ({@link StoredActivity#id()}): an inbox row's id, or the sequence number of the log entry that accepted it.
 *
 * <p>Only an optimisation: the store stays the source of what is pending, and an activity not held (the
 * hand-off was full, the node restarted) or already taken (a retry) is read from the store as before. The
 * writer offers an activity in the transaction that stores it, before the commit, so it is held by the time
 * the processor can see the row; it takes it back if that transaction rolls back. The processor drops what is
 * held for rows before the oldest pending one, which it can no longer take. What is held is bounded: a
 * processor far behind a burst costs no more memory, and the activities it reaches first stay held.
 */
public final class InboxHandOff {
    /**
     * Counted for each held activity besides its bytes: the records, their URIs (id, actor, object, attributed
     * to) with their strings, the optionals and the map's entry, about a kilobyte and a half all told.
     */
    static final int ENTRY_BYTES = 1_536;
    /**
     * The parsed JSON is held too, so the processor need not parse the bytes again; in memory it takes a few
     * times the bytes (maps, strings), counted as this many times.
     */
    static final int PARSED_PER_BYTE = 4;

    /**
     * What a queue's hand-off holds at most, as {@link #sizeOf} counts it: some 600 activities of a kilobyte, a
     * third of a second of benchmark 1's burst; the processor is rarely further behind.
     */
    static final long QUEUE_BYTES = 4L << 20;

    private final long maxBytes;
    // Offers come from whichever thread writes a batch, one batch at a time, and takes from the processor: a
    // lock costs next to nothing here and keeps the byte count exact.
    private final NavigableMap<Long, StoredActivity> held = new TreeMap<>();
    private long heldBytes;

    /** @param maxBytes the most bytes held at once; an activity that would exceed it is not held */
    public InboxHandOff(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Holds {@code activity}, parsed from {@code body} and stored at {@code place} in the transaction on
     * {@code connection}, which has not committed yet: the processor cannot see the row before it is held. If
     * that transaction rolls back, the activity is taken back.
     */
    public void offerInTransaction(Database database, Connection connection, long place, InboundActivity activity,
            byte[] body) {
        offer(place, activity, body);
        database.afterRollback(connection, () -> take(place));
    }

    /** Holds {@code activity}, parsed from {@code body} and stored at {@code place}, if it fits the bound. */
    void offer(long place, InboundActivity activity, byte[] body) {
        offer(new StoredActivity(place, activity.id(), activity.type(), activity.actor(), body, 0,
                Optional.of(activity)));
    }

    private synchronized void offer(StoredActivity activity) {
        if (heldBytes + sizeOf(activity) > maxBytes) {
            return;
        }
        StoredActivity replaced = held.put(activity.id(), activity);
        heldBytes += sizeOf(activity) - (replaced == null ? 0 : sizeOf(replaced));
    }

    /** The activity held for {@code place}, which is no longer held; null when none is. */
    public synchronized StoredActivity take(long place) {
        StoredActivity activity = held.remove(place);
        if (activity != null) {
            heldBytes -= sizeOf(activity);
        }
        return activity;
    }

    /** What a queue reads back when not all it read was held. */
    @FunctionalInterface
    public interface ReadBack {
        Map<Long, StoredActivity> read(List<Long> places) throws SQLException;
    }

    /**
     * The activities at {@code places}, in that order: those held taken from here, the others read back with
     * {@code readBack} (counted in {@code readBackCount}). One gone from the store since is left out.
     */
    List<StoredActivity> takeOrReadBack(List<Long> places, ReadBack readBack, LongAdder readBackCount)
            throws SQLException {
        Map<Long, StoredActivity> found = new HashMap<>();
        List<Long> toRead = new ArrayList<>();
        for (long place : places) {
            StoredActivity held = take(place);
            if (held != null) {
                found.put(place, held);
            } else {
                toRead.add(place);
            }
        }
        readBackCount.add(toRead.size());
        found.putAll(readBack.read(toRead));
        return places.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /**
     * Drops what is held before {@code place}: the oldest pending place, so none of those is pending
     * any more (a batch that rolled back, a row handled after it was read from the store).
     */
    public synchronized void dropBefore(long place) {
        NavigableMap<Long, StoredActivity> stale = held.headMap(place, false);
        for (StoredActivity activity : stale.values()) {
            heldBytes -= sizeOf(activity);
        }
        stale.clear();
    }

    /** How many activities are held now. */
    public synchronized int heldCount() {
        return held.size();
    }

    /** How many bytes are held now, as {@link #sizeOf} counts them. */
    public synchronized long heldBytes() {
        return heldBytes;
    }

    /** What holding {@code activity} costs: its raw bytes, its parsed JSON if any, and {@link #ENTRY_BYTES}. */
    static long sizeOf(StoredActivity activity) {
        long bytes = activity.body().length;
        return ENTRY_BYTES + bytes + (activity.parsed().isPresent() ? PARSED_PER_BYTE * bytes : 0);
    }
}
