package org.tributary.node.cli;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What a node serves while the class-data archive is trained ({@link ClassArchiveTraining}), so that the
 * classes of a node's everyday work are in the archive, not only those of its start: discovery documents,
 * a login, a post, the home timeline, a search, and the refusals of an unsigned inbox delivery and of an
 * anonymous API call. Each request must be answered as a working node answers it; anything else is a
 * {@link TrainingFailure} (an archive trained on a node that did not work would hold its error paths).
 */
final class TrainingRequests {
    static final String USERNAME = "trainer";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI baseUrl;

    TrainingRequests(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Waits until the node answers its NodeInfo links, as long as {@code running} says it still runs. */
    void awaitServing(Duration limit, BooleanSupplier running) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && running.getAsBoolean()) {
            try {
                if (send(get("/.well-known/nodeinfo").build()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(50);
        }
        throw new TrainingFailure(running.getAsBoolean() ? "the node did not serve within " + limit.toSeconds() + " s"
                : "the node stopped before it served");
    }

    /** Runs the requests in order; {@link #USERNAME} must be an employee with this password. */
    void run(String password) throws IOException, InterruptedException {
        expect(200, get("/nodeinfo/2.1"));
        expect(200, get("/.well-known/webfinger?resource="
                + encode("acct:" + USERNAME + "@" + baseUrl.getAuthority())));
        expect(200, get("/actor").header("Accept", "application/activity+json"));
        String token = accessToken(expect(200, form("/oauth/token", "grant_type=password&username=" + USERNAME
                + "&password=" + encode(password))));
        expect(200, get("/api/v1/accounts/verify_credentials").header("Authorization", "Bearer " + token));
        expect(200, form("/api/v1/statuses", "status=" + encode("Training the class-data archive #startup"))
                .header("Authorization", "Bearer " + token));
        expect(200, get("/api/v1/timelines/home").header("Authorization", "Bearer " + token));
        expect(200, get("/api/v2/search?type=statuses&q=archive").header("Authorization", "Bearer " + token));
        expect(401, HttpRequest.newBuilder(baseUrl.resolve("/inbox")).timeout(TIMEOUT)
                .header("Content-Type", "application/activity+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"Create\"}")));
        expect(401, get("/api/v1/timelines/home"));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(TIMEOUT).GET();
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private String expect(int status, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        HttpResponse<String> response = send(built);
        if (response.statusCode() != status) {
            throw new TrainingFailure(built.method() + " " + built.uri().getPath() + " answered "
                    + response.statusCode() + ", expected " + status + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String accessToken(String tokenResponse) {
        try (JsonReader reader = Json.createReader(new StringReader(tokenResponse))) {
            return reader.readObject().getString("access_token");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The training did not go as a working node's would. */
    static final class TrainingFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TrainingFailure(String message) {
            super(message);
        }
    }
}
