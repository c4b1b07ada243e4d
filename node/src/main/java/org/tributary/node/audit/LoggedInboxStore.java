package org.tributary.node.audit;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.spi.InboxStore;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.node.inbox.InboxRows;
import org.tributary.node.inbox.InboxHandOff;
import org.tributary.node.store.Database;

/**
 * The durable inbox as the pipeline sees it when federation traffic is logged: an activity's inbox row and
 * its log entry ({@code inbox.accepted}, or {@code inbox.duplicate} when its id was known) are written in
 * one transaction of the log's appender, so a 202 means both are durable, for the price of one commit.
 * The raw bytes are stored once, in the log entry; the inbox row points at it, and the activity is handed to
 * the inbox processor in memory ({@link InboxHandOff}, offered before the commit and withdrawn on rollback)
 * so it need not read it back.
 * Concurrent requests share that commit (the appender batches). Rejections never reach a store; the
 * {@link AuditEventListener} logs those.
 */
public final class LoggedInboxStore implements InboxStore {
    private final Database database;
    private final AuditLog log;
    private final InboxRows rows;
    private final InboundCapture capture;
    private final InboxHandOff handOff;

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
        boolean[] stored = new boolean[1]; // the last attempt's answer; the commit publishes it to us
        // Digested here, side by side with other requests; only a rare duplicate is digested by the writer.
        DigestedRecord accepted = DigestedRecord.of(InboundRecords.of(receivedAt, AuditKinds.INBOX_ACCEPTED,
                "accepted", peer, activity.id().toString(), fields, request, body, InboundRecords.STORED_DETAIL));
        log.appendWith((connection, sequence) -> {
            OptionalLong row = rows.insertIfAbsentLogged(connection, activity, sequence);
            stored[0] = row.isPresent();
            // Before the commit, so that the activity is held by the time the processor can see the row (offered
            // after the commit, a processor reading in that moment missed it: a quarter of the bodies in
            // benchmark 1 were read back from the log). Withdrawn if the transaction rolls back.
            row.ifPresent(id -> handOff.offerInTransaction(database, connection, id, activity, body));
            return stored[0] ? accepted
                    : DigestedRecord.of(InboundRecords.of(receivedAt, AuditKinds.INBOX_DUPLICATE, "duplicate", peer,
                            activity.id().toString(), fields, request, body, InboundRecords.DUPLICATE_DETAIL));
        });
        return stored[0];
    }
}
