package org.tributary.node.delivery;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tributary.federation.delivery.DeliveryPlanner;
import org.tributary.federation.delivery.RecipientInbox;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.config.LocalUris;
import org.tributary.node.store.Database;

/**
 * Queues an outgoing activity for the remote recipients, inside the caller's transaction: one job per
 * peer node (its shared inbox), never one per follower, and none for local or non-allowlisted actors.
 */
public final class Outbox {
    private final DeliveryStore deliveries;
    private final DeliveryPlanner planner;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final Database database;
    private final Runnable onQueued;

    /**
     * @param onQueued run once a transaction that queued jobs has committed (the delivery pump's
     *                 wake-up), so deliveries start at once rather than at the next poll
     */
    public Outbox(DeliveryStore deliveries, DeliveryPlanner planner, VocabCodec codec, LocalUris uris,
            Database database, Runnable onQueued) {
        this.deliveries = deliveries;
        this.planner = planner;
        this.codec = codec;
        this.uris = uris;
        this.database = database;
        this.onQueued = onQueued;
    }

    /** Signs as the author's RSA/Ed25519 key chosen by the delivery worker; returns the jobs queued. */
    public List<DeliveryJob> send(Connection connection, Activity activity, Account author, List<Account> recipients)
            throws SQLException {
        return send(connection, activity, author, recipients, List.of());
    }

    /**
     * Like {@link #send(Connection, Activity, Account, List)}, plus whole nodes by their shared inbox (as
     * tag subscribers are). A node reached both ways still gets one request.
     */
    public List<DeliveryJob> send(Connection connection, Activity activity, Account author, List<Account> recipients,
            List<URI> nodeInboxes) throws SQLException {
        List<RecipientInbox> remote = new java.util.ArrayList<>(recipients.stream()
                .filter(account -> !account.isLocal())
                .map(account -> account.sharedInbox() == null ? RecipientInbox.personal(account.inbox())
                        : RecipientInbox.withShared(account.inbox(), account.sharedInbox()))
                .toList());
        nodeInboxes.stream().filter(inbox -> !uris.isLocal(inbox))
                .forEach(inbox -> remote.add(RecipientInbox.withShared(inbox, inbox)));
        if (remote.isEmpty()) {
            return List.of();
        }
        byte[] body = codec.toBytes(activity);
        URI signingKey = uris.rsaKeyId(author.username());
        List<DeliveryJob> queued = deliveries.enqueue(connection, planner.plan(activity.id(), body, signingKey, remote)
                .jobs());
        if (!queued.isEmpty()) {
            database.afterCommit(connection, onQueued);
        }
        return queued;
    }
}
