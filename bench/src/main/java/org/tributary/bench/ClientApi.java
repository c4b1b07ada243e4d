package org.tributary.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The few client API calls the benchmarks make, over the JDK HTTP client. */
public final class ClientApi {
    /** A status as a timeline lists it. */
    public record TimelineEntry(long id, String content) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public ClientApi(URI base) {
        this.base = base;
    }

    public String login(String username, String password) {
        JsonObject token = object(send(HttpRequest.newBuilder(base.resolve("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + encode(username)
                        + "&password=" + encode(password))).build()));
        return token.getString("access_token");
    }

    public String lookup(String token, String acct) {
        return object(send(authorized(token, "/api/v1/accounts/lookup?acct=" + encode(acct)).GET().build()))
                .getString("id");
    }

    public void follow(String token, String accountId) {
        send(authorized(token, "/api/v1/accounts/" + accountId + "/follow").POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    public boolean isFollowing(String token, String accountId) {
        JsonArray relationships = Json.createReader(new StringReader(send(authorized(token,
                "/api/v1/accounts/relationships?id[]=" + accountId).GET().build()))).readArray();
        return !relationships.isEmpty() && relationships.getJsonObject(0).getBoolean("following", false);
    }

    /** Posts a public status; the answer's JSON (id, uri, ...). */
    public CompletableFuture<JsonObject> postAsync(String token, String text) {
        HttpRequest request = authorized(token, "/api/v1/statuses")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("status=" + encode(text) + "&visibility=public")).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("posting answered " + response.statusCode() + ": " + response.body());
            }
            return object(response.body());
        });
    }

    public JsonObject post(String token, String text) {
        return postAsync(token, text).join();
    }

    /** The home timeline page newer than {@code minId} (all of it from the newest when {@code minId} is 0). */
    public List<TimelineEntry> home(String token, long minId, int limit) {
        String query = "/api/v1/timelines/home?limit=" + limit + (minId > 0 ? "&min_id=" + minId : "");
        JsonArray statuses = Json.createReader(new StringReader(send(authorized(token, query).GET().build())))
                .readArray();
        return statuses.stream().map(JsonValue::asJsonObject)
                .map(status -> new TimelineEntry(Long.parseLong(status.getString("id")), status.getString("content")))
                .toList();
    }

    /** A prepared request for the home timeline, for load runs. */
    public HttpRequest homeRequest(String token) {
        return authorized(token, "/api/v1/timelines/home").GET().build();
    }

    /** A post search ({@code GET /api/v2/search?type=statuses}) for one word. */
    public HttpRequest searchRequest(String token, String word) {
        return authorized(token, "/api/v2/search?type=statuses&q="
                + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8)).GET().build();
    }

    public HttpClient httpClient() {
        return client;
    }

    private HttpRequest.Builder authorized(String token, String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonObject object(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
