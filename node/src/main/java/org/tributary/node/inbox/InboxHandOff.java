package org.tributary.node.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
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
 *
 * <p>A hand-off that follows the compliance log ({@link #followLog}) also says which entries of the log accepted
 * an activity, without reading the log: every activity accepted since is offered here before its entry commits,
 * and one that does not fit the bound is remembered by its place alone. The log's queue reads the places from
 * here instead of reading the entries' kinds from the log on every pass ({@link LoggedInboxQueue}).
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
    /**
     * The most places of activities offered and not held that are remembered (a few megabytes): a processor
     * further behind than that reads which entries were accepted from the log again until it has caught up.
     */
    static final int MAX_PLACES_NOT_HELD = 65_536;

    private final long maxBytes;
    // Offers come from whichever thread writes a batch, one batch at a time, and takes from the processor: a
    // lock costs next to nothing here and keeps the byte count exact.
    private final NavigableMap<Long, StoredActivity> held = new TreeMap<>();
    private long heldBytes;
    /** How many entries the log has committed, once {@link #followLog} was called; null before. */
    private LongSupplier committedSize;
    /** From this place on, every activity accepted into the followed log was offered here. */
    private long everyOfferFrom = Long.MAX_VALUE;
    /** Places of activities offered from {@link #everyOfferFrom} on that did not fit the bound. */
    private final NavigableSet<Long> offeredNotHeld = new TreeSet<>();

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
            rememberNotHeld(activity.id());
            return;
        }
        StoredActivity replaced = held.put(activity.id(), activity);
        heldBytes += sizeOf(activity) - (replaced == null ? 0 : sizeOf(replaced));
    }

    private void rememberNotHeld(long place) {
        if (place < everyOfferFrom) {
            return;
        }
        if (offeredNotHeld.size() >= MAX_PLACES_NOT_HELD) {
            // Forgotten from here back: the places before the next one are read from the log again.
            offeredNotHeld.clear();
            everyOfferFrom = place + 1;
            return;
        }
        offeredNotHeld.add(place);
    }

    /**
     * Says that from now on every activity accepted into the log is offered here, before its entry commits,
     * and that {@code committedSize} tells how many entries the log has committed (its entries are numbered
     * from 0 without gaps and commit in order). Called by the one writer of accepted entries before it writes.
     */
    public synchronized void followLog(LongSupplier committedSize) {
        this.committedSize = committedSize;
        this.everyOfferFrom = committedSize.getAsLong();
    }

    /**
     * What the hand-off knows of the log from {@code from} on, at most {@code max} entries.
     *
     * @param accepted the places of the entries that accepted an activity, in order, held or not
     * @param through  the last committed entry of the range ({@code from - 1} when none is committed yet)
     */
    record Accepted(List<Long> accepted, long through) {
    }

    /**
     * The committed entries from {@code from} on (at most {@code max}) that accepted an activity, known here
     * without reading the log; empty when this hand-off cannot tell (it follows no log, or not since before
     * {@code from}, or it forgot places that were not held).
     */
    synchronized Optional<Accepted> acceptedFrom(long from, int max) {
        if (committedSize == null || from < everyOfferFrom) {
            return Optional.empty();
        }
        // Read after the lock is taken: the offers of every committed entry happened before its commit.
        long through = Math.min(from + max - 1, committedSize.getAsLong() - 1);
        if (through < from) {
            return Optional.of(new Accepted(List.of(), from - 1));
        }
        TreeSet<Long> accepted = new TreeSet<>(held.subMap(from, true, through, true).keySet());
        accepted.addAll(offeredNotHeld.subSet(from, true, through, true));
        return Optional.of(new Accepted(List.copyOf(accepted), through));
    }

    /** The activity held for {@code place}, which is no longer held nor remembered; null when none is held. */
    public synchronized StoredActivity take(long place) {
        offeredNotHeld.remove(place);
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
        if (!toRead.isEmpty()) {
            found.putAll(readBack.read(toRead));
        }
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
        offeredNotHeld.headSet(place, false).clear();
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
