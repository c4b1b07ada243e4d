package org.tributary.node.hashtag;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test client of a server-sent event stream: every line received, in order, to wait on. */
final class SseClient implements AutoCloseable {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> body;

    SseClient(URI url) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(url).header("Accept", "text/event-stream").GET().build();
        this.response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(answer -> {
            body = answer.body();
            Thread reader = new Thread(() -> body.forEach(lines::add), "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }

    int status(Duration wait) throws Exception {
        return response.get(wait.toMillis(), TimeUnit.MILLISECONDS).statusCode();
    }

    /** The next line that starts with {@code prefix}, skipping others; fails after {@code wait}. */
    String awaitLine(String prefix, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no line starting with '" + prefix + "' within " + wait);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    @Override
    public void close() {
        Stream<String> open = body;
        if (open != null) {
            open.close();
        }
        response.cancel(true);
    }
}
