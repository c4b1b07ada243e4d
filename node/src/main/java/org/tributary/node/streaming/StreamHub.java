package org.tributary.node.streaming;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tributary.node.account.Account;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusEvents;
import org.tributary.node.post.StatusTagStore;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.Database;

/**
 * The in-process event bus of the streaming API. Services report posts after commit; the hub hands
 * each event to every open stream whose timeline it could belong to (by channel, tag and locality,
 * without touching the database per stream). Who may actually see it is decided by the stream's writer
 * ({@link StreamAudience}), off the publishing thread. Publishing never blocks: a full queue closes
 * that stream.
 */
public final class StreamHub implements StatusEvents {
    private final Database database;
    private final StatusTagStore tags;
    private final StreamLimits limits;
    private final Set<StreamConnection> open = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> perAccount = new ConcurrentHashMap<>();

    public StreamHub(Database database, StatusTagStore tags, StreamLimits limits) {
        this.database = database;
        this.tags = tags;
        this.limits = limits;
    }

    public StreamLimits limits() {
        return limits;
    }

    /** Opens a stream for the viewer unless they, or the node, already have as many as allowed. */
    public synchronized StreamOpening open(Account viewer, StreamChannel channel) {
        if (open.size() >= limits.total()) {
            return new StreamOpening.Refused("too_many_streams", "this node has as many open streams as it allows");
        }
        int mine = perAccount.getOrDefault(viewer.id(), 0);
        if (mine >= limits.perAccount()) {
            return new StreamOpening.Refused("too_many_streams",
                    "at most " + limits.perAccount() + " open streams per account");
        }
        StreamConnection connection = new StreamConnection(viewer, channel, limits.queueCapacity(), this::closed);
        open.add(connection);
        perAccount.merge(viewer.id(), 1, Integer::sum);
        return new StreamOpening.Opened(connection);
    }

    public int openCount() {
        return open.size();
    }

    @Override
    public void created(Status status) {
        publishWithStoredTags(StreamEvent.Kind.UPDATE, status);
    }

    @Override
    public void edited(Status status) {
        publishWithStoredTags(StreamEvent.Kind.STATUS_UPDATE, status);
    }

    @Override
    public void deleted(Status status, List<String> tagNames) {
        publish(new StreamEvent(StreamEvent.Kind.DELETE, status, tagNames));
    }

    /** Hands the event to every open stream it could belong to. */
    public void publish(StreamEvent event) {
        for (StreamConnection connection : open) {
            if (mayBelong(connection.channel(), event)) {
                connection.offer(event);
            }
        }
    }

    /** Closes every stream, as when the node stops. */
    public void closeAll() {
        open.forEach(StreamConnection::close);
    }

    private void publishWithStoredTags(StreamEvent.Kind kind, Status status) {
        if (open.isEmpty()) {
            return;
        }
        List<String> names = database.inTransaction(connection -> tags.of(connection, status.id()));
        publish(new StreamEvent(kind, status, names));
    }

    static boolean mayBelong(StreamChannel channel, StreamEvent event) {
        Status status = event.status();
        if (channel instanceof StreamChannel.Hashtag hashtag) {
            return event.tags().contains(hashtag.tag()) && (!hashtag.localOnly() || status.local());
        }
        if (channel instanceof StreamChannel.Public pub) {
            return pub.localOnly()
                    ? status.local() && (status.visibility() == Visibility.ORGANIZATION
                            || status.visibility() == Visibility.DEPARTMENT)
                    : status.visibility() == Visibility.ORGANIZATION;
        }
        return true;
    }

    private synchronized void closed(StreamConnection connection) {
        if (open.remove(connection)) {
            perAccount.computeIfPresent(connection.viewer().id(), (id, count) -> count <= 1 ? null : count - 1);
        }
    }
}
