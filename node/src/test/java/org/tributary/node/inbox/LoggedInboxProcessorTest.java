package org.tributary.node.inbox;

import static org.tributary.node.inbox.InboxTestActivities.KEY;
import static org.tributary.node.inbox.InboxTestActivities.activity;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.tributary.node.audit.AuditLog;
import org.tributary.node.audit.AuditLogStore;
import org.tributary.node.audit.InboundCapture;
import org.tributary.node.audit.LoggedInboxStore;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Jdbc;

/**
 * {@link InboxProcessorTest} over the compliance log, as a node with the log runs: activities are accepted
 * into log entries, the processor reads both queues, and an outcome is the mark moved past its entry, or a
 * row of {@code logged_inbox_outcomes} when it says more than "applied at the first attempt".
 */
class LoggedInboxProcessorTest extends InboxProcessorTest {
    private AuditLog log;
    private LoggedInboxQueue loggedInbox;
    private LoggedInboxStore admission;

    @Override
    List<InboxQueue> queues() {
        IdGenerator ids = new IdGenerator(clock);
        log = new AuditLog(store.database(), new AuditLogStore(), record -> false);
        loggedInbox = new LoggedInboxQueue(store.database(), clock);
        admission = new LoggedInboxStore(store.database(), log, new InboxRows(ids), new InboundCapture(),
                loggedInbox.handOff(), clock);
        return List.of(new InboxActivityStore(store.database(), ids, clock), loggedInbox);
    }

    @Override
    void storeActivity(String id, String type) {
        admission.storeIfAbsent(activity(id, type), NOW, KEY);
    }

    /**
     * As the log view reads it: an outcome row, else done at the first attempt once the mark has passed the
     * entry (how is not kept), else pending.
     */
    @Override
    String state(String name) {
        return store.database().inTransaction(connection -> {
            long seq = Jdbc.queryOne(connection, "SELECT seq FROM audit_entries WHERE activity_id = ? "
                    + "AND kind = 'inbox.accepted'", row -> row.getLong(1), "https://sales.example/activities/" + name)
                    .orElseThrow();
            long mark = Jdbc.count(connection, "SELECT handled_through FROM logged_inbox_progress WHERE id = 1");
            return Jdbc.queryOne(connection, "SELECT state, attempts, result FROM logged_inbox_outcomes "
                    + "WHERE audit_seq = ?", row -> row.getString(1) + "|" + row.getInt(2) + "|" + row.getString(3), seq)
                    .orElse(seq <= mark ? doneAtOnce("") : "pending|0|null");
        });
    }

    @Override
    String doneAtOnce(String result) {
        return "done|1|(not kept)";
    }

    /** Retention's pruning: the entries keep their place, without bytes. */
    @Override
    void breakStoredBodies() {
        store.database().inTransactionVoid(connection -> Jdbc.update(connection, "UPDATE audit_entries SET body = NULL"));
        loggedInbox.handOff().dropBefore(Long.MAX_VALUE);
    }

    @Override
    long countPending() {
        return loggedInbox.countPending();
    }

    @AfterEach
    void closeLog() {
        log.close();
    }
}
