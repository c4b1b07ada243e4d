package org.tributary.node.streaming;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.tributary.node.post.Status;

/**
 * Writes one stream to its client as server-sent events, on a thread of its own so a slow client
 * holds up nobody else: {@code update}, {@code status.update} (the status as JSON) and {@code delete}
 * (the status id), and a {@code :thump} comment whenever nothing was sent for the heartbeat interval.
 * The first comment ({@code :)}) tells the client the stream is open. A failed write ends the stream.
 */
public final class SseStreamWriter {
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final StreamAudience audience;
    private final ExecutorService threads;
    private final Duration heartbeat;

    public SseStreamWriter(StreamAudience audience, ExecutorService threads, Duration heartbeat) {
        this.audience = audience;
        this.threads = threads;
        this.heartbeat = heartbeat;
    }

    /** Starts writing; {@code render} turns a status into the JSON its viewer's client reads. */
    public void start(StreamConnection stream, SseEventSink sink, Sse sse, Function<Status, String> render) {
        try {
            threads.execute(() -> run(stream, sink, sse, render));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            stream.close();
            closeQuietly(sink);
        }
    }

    private void run(StreamConnection stream, SseEventSink sink, Sse sse, Function<Status, String> render) {
        try {
            send(sink, sse.newEventBuilder().comment(")").build());
            while (!stream.isClosed() && !sink.isClosed()) {
                Optional<StreamEvent> next = stream.next(heartbeat);
                if (next.isEmpty()) {
                    send(sink, sse.newEventBuilder().comment("thump").build());
                } else if (audience.shows(stream, next.get())) {
                    send(sink, toSse(sse, next.get(), render));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            // The client went away or cannot keep up: end this stream only.
        } finally {
            stream.close();
            closeQuietly(sink);
        }
    }

    private static void closeQuietly(SseEventSink sink) {
        try {
            sink.close();
        } catch (java.io.IOException e) {
            // Already gone: nothing left to release.
        }
    }

    private static OutboundSseEvent toSse(Sse sse, StreamEvent event, Function<Status, String> render) {
        String data = event.kind() == StreamEvent.Kind.DELETE ? String.valueOf(event.status().id())
                : render.apply(event.status());
        return sse.newEventBuilder().name(event.kind().eventName()).mediaType(MediaType.TEXT_PLAIN_TYPE).data(data)
                .build();
    }

    private static void send(SseEventSink sink, OutboundSseEvent event)
            throws InterruptedException, ExecutionException, TimeoutException {
        sink.send(event).toCompletableFuture().get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
