package org.tributary.node.audit;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.spi.InboxStore;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.node.inbox.InboxHandOff;
import org.tributary.node.inbox.InboxRows;
import org.tributary.node.inbox.LoggedInboxQueue;
import org.tributary.node.store.Database;

/**
 * The durable inbox as the pipeline sees it when federation traffic is logged: the log entry that accepts an
 * activity ({@code inbox.accepted}) is its inbox row (see {@link LoggedInboxQueue}), or an
 * {@code inbox.duplicate} entry records that its id was known. A 202 means the entry is durable; concurrent
 * requests share the commit (the log's writer batches). The activity is handed to the inbox processor in
 * memory ({@link InboxHandOff}, offered before the commit and withdrawn on rollback) so it need not read it
 * back. Rejections never reach a store; the {@link AuditEventListener} logs those.
 *
 * <p>Known or not is decided on the log's one writer thread. An activity is known by the unique inbox key of
 * the entry that accepted it, by the keys of the batch being written (not in the table until it commits), and
 * by the id hash of inbox rows from before V105 or from a time without the log. The writer does not ask the
 * entries first: the unique key refuses a replay by itself, the log writes the batch again whole ({@link
 * AuditLog}), and a write tried again asks, so a replay becomes an {@code inbox.duplicate} entry as before.
 * Asking first had cost an index probe per activity on the writer thread (~6 % of the node's CPU under
 * benchmark 1), and replays are few. Once one was refused by the key, every write asks first for
 * {@value #ASK_FIRST_SECONDS} seconds, so that a peer replaying an activity again and again cannot make the
 * writer roll batches back one after another.
 */
public final class LoggedInboxStore implements InboxStore {
    static final int ASK_FIRST_SECONDS = 10;
    private static final Duration ASK_FIRST = Duration.ofSeconds(ASK_FIRST_SECONDS);

    private final Database database;
    private final AuditLog log;
    private final InboxRows rows;
    private final InboundCapture capture;
    private final InboxHandOff handOff;
    private final Clock clock;
    /** Until when every write asks whether its activity is known before writing: set by the writer only. */
    private volatile Instant askFirstUntil = Instant.MIN;
    private final LongAdder replaysRefusedByKey = new LongAdder();
    /** Inbox keys of accepted entries written in a transaction of the log's writer not yet ended. */
    private final Set<ByteBuffer> keysBeingWritten = ConcurrentHashMap.newKeySet();

    public LoggedInboxStore(Database database, AuditLog log, InboxRows rows, InboundCapture capture,
            InboxHandOff handOff, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.log = log;
        this.rows = rows;
        this.capture = capture;
        this.handOff = handOff;
        // Every activity accepted from here on is offered to the hand-off, which the queue reads instead of the log.
        handOff.followLog(() -> log.state().size());
    }

    /** How many replays were known only once the unique key had refused them (for tests and diagnostics). */
    public long replaysRefusedByKey() {
        return replaysRefusedByKey.sum();
    }

    @Override
    public boolean storeIfAbsent(InboundActivity activity, Instant receivedAt, URI verifiedKeyId) {
        Optional<HttpRequestParts> request = capture.current(); // read here: the appender is another thread
        String peer = verifiedKeyId.getHost() == null ? "" : PeerPolicy.authorityOf(verifiedKeyId);
        byte[] body = request.map(HttpRequestParts::body).orElse(activity.raw());
        MessageFields fields = MessageFields.of(activity);
        byte[] key = InboxRows.keyOf(activity);
        ByteBuffer heldKey = ByteBuffer.wrap(key);
        boolean[] stored = new boolean[1]; // the last attempt's answer; the commit publishes it to us
        int[] attempts = new int[1];
        // Digested here, side by side with other requests; only a rare duplicate is digested by the writer.
        DigestedRecord accepted = DigestedRecord.ofInboxArrival(InboundRecords.of(receivedAt,
                AuditKinds.INBOX_ACCEPTED, "accepted", peer, activity.id().toString(), fields, request, body,
                InboundRecords.STORED_DETAIL), key);
        log.appendWith((connection, sequence) -> {
            boolean triedBefore = attempts[0]++ > 0;
            boolean ask = triedBefore || clock.instant().isBefore(askFirstUntil);
            boolean inThisBatch = keysBeingWritten.contains(heldKey);
            stored[0] = !inThisBatch && !(ask ? rows.isKnown(connection, key) : rows.isKnownAsRow(connection, key));
            if (!stored[0] && !inThisBatch && triedBefore) {
                // Its batch was refused by the unique key (or, rarely, failed otherwise with a known activity in it).
                replaysRefusedByKey.increment();
                askFirstUntil = clock.instant().plus(ASK_FIRST);
            }
            if (!stored[0]) {
                return DigestedRecord.of(InboundRecords.of(receivedAt, AuditKinds.INBOX_DUPLICATE, "duplicate", peer,
                        activity.id().toString(), fields, request, body, InboundRecords.DUPLICATE_DETAIL));
            }
            keysBeingWritten.add(heldKey);
            Runnable ended = () -> keysBeingWritten.remove(heldKey);
            database.afterCommit(connection, ended);
            database.afterRollback(connection, ended);
            // Before the commit, so that the activity is held by the time the processor can see the entry
            // (offered after the commit, a processor reading in that moment missed it: a quarter of the bodies
            // in benchmark 1 were read back from the log). Withdrawn if the transaction rolls back.
            handOff.offerInTransaction(database, connection, sequence, activity, body);
            return accepted;
        });
        return stored[0];
    }
}
