package org.tributary.federation.discovery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A real HTTP server on 127.0.0.1 and a random port, standing in for a peer node in tests. */
final class LoopbackPeer implements AutoCloseable {

    /** Answers one request. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<HttpExchange> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    LoopbackPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "loopback-peer");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** {@code 127.0.0.1:port}. */
    String authority() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String base() {
        return "http://" + authority();
    }

    void on(String path, Handler handler) {
        server.createContext(path, exchange -> {
            requests.add(exchange);
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
    }

    /** Every request received so far. */
    List<HttpExchange> requests() {
        return requests;
    }

    /** Holds the response until the peer is closed: a peer that never answers in time. */
    void stall() throws IOException {
        try {
            closing.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Sends {@code size} bytes chunked, without announcing a length. */
    static void respondChunked(HttpExchange exchange, int size) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[4096];
        java.util.Arrays.fill(chunk, (byte) ' ');
        try (OutputStream out = exchange.getResponseBody()) {
            for (int sent = 0; sent < size; sent += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // The client hung up early, which is what an oversized answer should cause.
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
