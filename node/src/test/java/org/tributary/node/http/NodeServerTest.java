package org.tributary.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Client API reads run a bounded number at a time and the rest wait their turn (none is refused);
 * writes and the streaming API are not held back.
 */
class NodeServerTest {
    private static final int LIMIT = 8 * Runtime.getRuntime().availableProcessors();

    /** Requests that take a while and note how many of them run at once. */
    @Path("/")
    public static final class SlowResource {
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        @GET
        @Path("api/v1/slow")
        public String read() throws InterruptedException {
            return slowly();
        }

        @POST
        @Path("api/v1/slow")
        public String write() throws InterruptedException {
            return slowly();
        }

        @GET
        @Path("api/v1/streaming/slow")
        public String stream() throws InterruptedException {
            return slowly();
        }

        private String slowly() throws InterruptedException {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(300);
                return "done";
            } finally {
                running.decrementAndGet();
            }
        }
    }

    private final SlowResource resource = new SlowResource();
    private NodeServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        server = new NodeServer("127.0.0.1", 0, new Handler.Wrapper(), new ResourceConfig().register(resource));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsBeyondTheLimitWaitTheirTurnAndAllSucceed() {
        List<Integer> statuses = sendAtOnce("GET", "/api/v1/slow", 3 * LIMIT);
        assertEquals(List.of(200), statuses.stream().distinct().toList());
        assertTrue(resource.most.get() <= LIMIT, "at most " + LIMIT + " at once, saw " + resource.most.get());
    }

    @Test
    void writesAndStreamsAreNotHeldBack() {
        assertEquals(List.of(200), sendAtOnce("POST", "/api/v1/slow", 3 * LIMIT).stream().distinct().toList());
        assertTrue(resource.most.get() > LIMIT, "writes ran together: " + resource.most.get());
        resource.most.set(0);
        assertEquals(List.of(200), sendAtOnce("GET", "/api/v1/streaming/slow", 3 * LIMIT).stream().distinct()
                .toList());
        assertTrue(resource.most.get() > LIMIT, "streams ran together: " + resource.most.get());
    }

    private List<Integer> sendAtOnce(String method, String path, int count) {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()));
        }
        return answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
    }
}
