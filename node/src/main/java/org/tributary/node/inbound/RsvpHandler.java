package org.tributary.node.inbound;

import java.net.URI;
import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.node.account.Account;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.event.EventService;
import org.tributary.node.event.RsvpAnswer;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Database;

/**
 * An answer to one of our events from a colleague on another node: {@code Accept},
 * {@code TentativeAccept} or {@code Reject} whose object is the id of a post of ours. Anything else
 * with those types (an Accept of a Follow, say) goes to {@code otherwise}. Guard: the post is an event
 * of this node. Then the answer is kept (the latest wins) and the organizer told "rsvp".
 */
public final class RsvpHandler implements ActivityHandler {
    private final Database database;
    private final StatusStore statuses;
    private final RemoteAccountService remoteAccounts;
    private final EventService events;
    private final LocalUris uris;
    private final ActivityHandler otherwise;

    public RsvpHandler(Database database, StatusStore statuses, RemoteAccountService remoteAccounts,
            EventService events, LocalUris uris, ActivityHandler otherwise) {
        this.database = database;
        this.statuses = statuses;
        this.remoteAccounts = remoteAccounts;
        this.events = events;
        this.uris = uris;
        this.otherwise = otherwise;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Optional<RsvpAnswer> answer = RsvpAnswer.fromActivityType(inbound.type());
        Optional<URI> object = inbound.objectId();
        if (answer.isEmpty() || object.isEmpty() || !uris.isLocal(object.get()) || !isPost(object.get())) {
            return otherwise.handle(inbound);
        }
        Account attendee = remoteAccounts.byUri(inbound.actor());
        return database.inTransaction(connection -> {
            Optional<Status> event = statuses.findByUri(connection, object.get());
            if (event.isEmpty() || !events.receiveRsvp(connection, attendee, event.get(), answer.get())) {
                return new HandlerResult.Ignored("not an event of this node: " + object.get());
            }
            return HandlerResult.applied();
        });
    }

    private boolean isPost(URI uri) {
        return database.inTransaction(connection -> statuses.findByUri(connection, uri).isPresent());
    }
}
