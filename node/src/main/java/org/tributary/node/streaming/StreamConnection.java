package org.tributary.node.streaming;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tributary.node.account.Account;

/**
 * One open stream: whose it is, which timeline, and a bounded queue of events waiting to be written.
 * When the queue is full the stream is closed (the client reconnects and catches up through the REST
 * timeline); the writer sees {@link #isClosed()} and ends.
 */
public final class StreamConnection {
    private final Account viewer;
    private final StreamChannel channel;
    private final BlockingQueue<StreamEvent> queue;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.util.function.Consumer<StreamConnection> onClose;

    StreamConnection(Account viewer, StreamChannel channel, int capacity,
            java.util.function.Consumer<StreamConnection> onClose) {
        this.viewer = viewer;
        this.channel = channel;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onClose = onClose;
    }

    public Account viewer() {
        return viewer;
    }

    public StreamChannel channel() {
        return channel;
    }

    /** Queues an event; a stream whose queue is full is closed instead. Returns whether it was queued. */
    boolean offer(StreamEvent event) {
        if (closed.get()) {
            return false;
        }
        if (queue.offer(event)) {
            return true;
        }
        close();
        return false;
    }

    /** The next event, waiting at most {@code wait}; empty when none came (time for a heartbeat) or closed. */
    public Optional<StreamEvent> next(Duration wait) throws InterruptedException {
        if (closed.get()) {
            return Optional.empty();
        }
        return Optional.ofNullable(queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Closes the stream once: it stops receiving events and frees its place in the limits. */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            onClose.accept(this);
        }
    }
}
