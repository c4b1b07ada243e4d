package org.tributary.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator against a real HTTP server on loopback, with each way a response can be framed. */
class LoadGeneratorTest {
    private LoopbackHttpServer server;
    private final Map<String, byte[]> bodiesReceived = new ConcurrentHashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackHttpServer.start(8, Map.of("/sized", exchange -> { // Content-Length framing
            byte[] body = exchange.getRequestBody().readAllBytes();
            bodiesReceived.put(exchange.getRequestHeaders().getFirst("X-Id"), body);
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        }, "/chunked", exchange -> { // length 0: the JDK server sends a chunked body
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("x".repeat(20_000).getBytes(StandardCharsets.UTF_8));
            exchange.close();
        }, "/closing", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Connection", "close");
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
        }));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private URI uri(String path) {
        return server.uri(path);
    }

    @Test
    void sendsEveryRequestWithItsBodyAndCountsTheAnswers() {
        List<WireRequest> requests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            requests.add(WireRequest.of("POST", uri("/sized"), Map.of("X-Id", List.of("r" + i),
                    "Content-Type", List.of("application/activity+json")), ("{\"n\":" + i + "}").getBytes()));
        }

        LoadGenerator.Result result = new LoadGenerator(8).run(requests, Duration.ofSeconds(30));

        assertEquals(300, result.sent());
        assertEquals(300, result.succeeded());
        assertEquals(Map.of(202, 300), result.statuses());
        assertEquals(0, result.failed());
        assertEquals(300, result.latencies().count());
        assertEquals(300, bodiesReceived.size());
        assertArrayEquals("{\"n\":17}".getBytes(), bodiesReceived.get("r17"));
    }

    @Test
    void readsChunkedBodiesAndReconnectsWhenTheServerCloses() {
        List<WireRequest> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            requests.add(WireRequest.of("GET", uri(i % 2 == 0 ? "/chunked" : "/closing"), Map.of(), new byte[0]));
        }

        LoadGenerator.Result result = new LoadGenerator(4).run(requests, Duration.ofSeconds(30));

        assertEquals(Map.of(200, 20, 429, 20), result.statuses());
        assertEquals(20, result.succeeded());
        // A connection the server closed and the generator went on using would fail its next request.
        assertEquals(0, result.failed());
    }

    @Test
    void aRefusedConnectionCountsAsFailedAndTheRunEnds() throws IOException {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/inbox");

        LoadGenerator.Result result = new LoadGenerator(2).run(
                Collections.nCopies(5, WireRequest.of("POST", nowhere, Map.of(), new byte[] {1})), Duration.ofSeconds(10));

        assertEquals(5, result.sent());
        assertEquals(5, result.failed());
        assertEquals(0, result.succeeded());
    }

    @Test
    void theWireFormCarriesTheHeadersAndFramesTheBodyItself() {
        HttpRequest get = HttpRequest.newBuilder(uri("/api/v1/timelines/home?limit=20"))
                .header("Authorization", "Bearer t").GET().build();

        String wire = new String(WireRequest.of(get).bytes(), StandardCharsets.UTF_8);

        assertTrue(wire.startsWith("GET /api/v1/timelines/home?limit=20 HTTP/1.1\r\nHost: 127.0.0.1:"), wire);
        assertTrue(wire.contains("\r\nAuthorization: Bearer t\r\n"), wire);
        assertTrue(wire.endsWith("\r\n\r\n") && !wire.contains("Content-Length"), wire);
        String post = new String(WireRequest.of("POST", uri("/inbox"), Map.of("Content-Length", List.of("999")),
                "{}".getBytes()).bytes(), StandardCharsets.UTF_8);
        assertTrue(post.endsWith("Content-Length: 2\r\n\r\n{}") && !post.contains("999"), post);
        // A signed Host is sent as signed, not replaced.
        String signed = new String(WireRequest.of("POST", uri(""), Map.of("Host", List.of("node.example")),
                new byte[0]).bytes(), StandardCharsets.UTF_8);
        assertTrue(signed.startsWith("POST / HTTP/1.1\r\nHost: node.example\r\nContent-Length: 0\r\n"), signed);
        assertThrows(IllegalArgumentException.class, () -> WireRequest.of("HEAD", uri("/"), Map.of(), new byte[0]));
    }
}
