package org.tributary.node;

import java.time.Clock;
import java.util.logging.Logger;
import org.tributary.federation.spi.FederationEventListener;
import org.tributary.federation.spi.InboxStore;
import org.tributary.node.audit.AuditEventListener;
import org.tributary.node.audit.AuditLog;
import org.tributary.node.audit.AuditSettings;
import org.tributary.node.audit.InboundCapture;
import org.tributary.node.audit.LoggedInboxStore;
import org.tributary.node.inbox.InboxActivityStore;
import org.tributary.node.inbox.InboxRows;
import org.tributary.node.inbox.LoggedInboxQueue;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;

/**
 * How federated messages reach the compliance log, wired once for {@link NodeAssembly}: a stored activity
 * goes into the log as the entry that is its inbox row ({@link LoggedInboxStore}); a rejection or a
 * delivery through the federation layer's events ({@link AuditEventListener}). With
 * {@code audit.federation.enabled=false}, which only the benchmark's cost comparison uses, the inbox stores
 * alone and the events go nowhere.
 *
 * @param capture   hands the raw request from the inbox resource to whichever of the two logs it
 * @param admission the inbox store the pipeline accepts activities into
 * @param events    where the federation layer reports rejections and delivery attempts
 */
record FederationLogging(InboundCapture capture, InboxStore admission, FederationEventListener events) {
    private static final Logger LOG = Logger.getLogger(FederationLogging.class.getName());

    static FederationLogging wire(AuditSettings settings, Database database, AuditLog log, InboxActivityStore inbox,
            LoggedInboxQueue loggedInbox, IdGenerator ids, Clock clock) {
        InboundCapture capture = new InboundCapture();
        if (!settings.federationLogged()) {
            LOG.warning("audit.federation.enabled=false: federated messages are NOT logged (for benchmarks only)");
            return new FederationLogging(capture, inbox, FederationEventListener.ignoring());
        }
        return new FederationLogging(capture, new LoggedInboxStore(database, log, new InboxRows(ids), capture,
                loggedInbox.handOff(), clock),
                new AuditEventListener(log, capture));
    }
}
