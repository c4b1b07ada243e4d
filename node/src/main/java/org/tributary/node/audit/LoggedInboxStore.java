package org.tributary.node.audit;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Known or not is decided on the log's one writer thread: by the unique inbox key of the entries committed
 * (and the id hash of inbox rows from before, or from a time without the log), and by the keys of the batch
 * being written, which are not in the table until it commits. The unique key on the entries stands behind it.
 */
public final class LoggedInboxStore implements InboxStore {
    private final Database database;
    private final AuditLog log;
    private final InboxRows rows;
    private final InboundCapture capture;
    private final InboxHandOff handOff;
    /** Inbox keys of accepted entries written in a transaction of the log's writer not yet ended. */
    private final Set<ByteBuffer> keysBeingWritten = ConcurrentHashMap.newKeySet();

    public LoggedInboxStore(Database database, AuditLog log, InboxRows rows, InboundCapture capture,
            InboxHandOff handOff) {
        this.database = database;
        this.log = log;
        this.rows = rows;
        this.capture = capture;
        this.handOff = handOff;
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
        // Digested here, side by side with other requests; only a rare duplicate is digested by the writer.
        DigestedRecord accepted = DigestedRecord.ofInboxArrival(InboundRecords.of(receivedAt,
                AuditKinds.INBOX_ACCEPTED, "accepted", peer, activity.id().toString(), fields, request, body,
                InboundRecords.STORED_DETAIL), key);
        log.appendWith((connection, sequence) -> {
            stored[0] = !keysBeingWritten.contains(heldKey) && !rows.isKnown(connection, key);
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
