package org.tributary.spec.interop;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Speaks the peer's JSON control API ({@code /control/...}) and turns its answers into records. */
final class FedifyControlClient {
    /** A delivery can include a failed first attempt and a retry with the other signature scheme. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI baseUri;

    FedifyControlClient(URI baseUri) {
        this.baseUri = baseUri;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    boolean healthy() {
        try {
            return send(HttpRequest.newBuilder(control("health")).GET()).statusCode() == 200;
        } catch (FedifyPeerException e) {
            return false;
        }
    }

    List<ReceivedActivity> received() {
        return getArray("received", FedifyControlClient::receivedActivity);
    }

    List<RejectedActivity> rejected() {
        return getArray("rejected", o -> new RejectedActivity(Instant.parse(o.getString("receivedAt")),
                optionalUri(o, "id"), optionalUri(o, "actor"), o.getString("reason", "")));
    }

    List<PeerFollower> followers() {
        return getArray("followers", o -> new PeerFollower(uri(o, "id"), uri(o, "inbox"),
                optionalUri(o, "sharedInbox"), optionalUri(o, "followId")));
    }

    List<PeerFollowing> following() {
        return getArray("following", o -> new PeerFollowing(uri(o, "actor"), uri(o, "followId"),
                o.getString("state")));
    }

    ActorLookup lookup(String handle) {
        JsonObject o = post("lookup", Json.createObjectBuilder().add("handle", handle).build());
        return new ActorLookup(uri(o, "webFingerUrl"), optionalString(o, "subject"), uri(o, "id"),
                o.getString("type"), optionalString(o, "preferredUsername"), uri(o, "inbox"),
                optionalUri(o, "sharedInbox"), optionalUri(o, "publicKeyId"), uriList(o, "publicKeyIds"));
    }

    SentActivity follow(URI actor) {
        JsonObject o = post("follow", Json.createObjectBuilder().add("actor", actor.toString()).build());
        return new SentActivity(uri(o, "id"), Optional.empty(), List.of(uri(o, "actor")));
    }

    SentActivity unfollow(URI actor) {
        JsonObject o = post("unfollow", Json.createObjectBuilder().add("actor", actor.toString()).build());
        return new SentActivity(uri(o, "id"), Optional.empty(), List.of(uri(o, "actor")));
    }

    SentActivity reply(URI inReplyTo, URI to, String content, boolean isPublic) {
        JsonObject o = post("reply", Json.createObjectBuilder()
                .add("inReplyTo", inReplyTo.toString())
                .add("to", to.toString())
                .add("content", content)
                .add("public", isPublic)
                .build());
        return new SentActivity(uri(o, "id"), optionalUri(o, "noteId"), List.of(uri(o, "to")));
    }

    SentActivity post(String content) {
        JsonObject o = post("post", Json.createObjectBuilder().add("content", content).build());
        return new SentActivity(uri(o, "id"), optionalUri(o, "noteId"), uriList(o, "deliveredTo"));
    }

    private static ReceivedActivity receivedActivity(JsonObject o) {
        JsonValue raw = o.getOrDefault("raw", JsonValue.NULL);
        return new ReceivedActivity(
                o.getJsonNumber("sequence").longValue(),
                Instant.parse(o.getString("receivedAt")),
                o.getString("inbox"),
                o.getString("type"),
                optionalUri(o, "id"),
                uri(o, "actor"),
                optionalUri(o, "object"),
                o.getJsonObject("json"),
                raw.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(raw.asJsonObject()) : Optional.empty());
    }

    private <T> List<T> getArray(String route, Function<JsonObject, T> mapper) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(control(route)).GET());
        JsonStructure body = parse(route, requireOk(route, response));
        if (!(body instanceof JsonArray array)) {
            throw new FedifyPeerException("control " + route + " did not answer a JSON array: " + response.body());
        }
        return array.getValuesAs(JsonObject.class).stream().map(mapper).toList();
    }

    private JsonObject post(String route, JsonObject payload) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(control(route))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload.toString(), StandardCharsets.UTF_8)));
        JsonStructure body = parse(route, requireOk(route, response));
        if (!(body instanceof JsonObject object)) {
            throw new FedifyPeerException("control " + route + " did not answer a JSON object: " + response.body());
        }
        return object;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(CALL_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FedifyPeerException("control call to " + baseUri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FedifyPeerException("interrupted during a control call to " + baseUri, e);
        }
    }

    private static String requireOk(String route, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new FedifyPeerException("control " + route + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static JsonStructure parse(String route, String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        } catch (JsonException e) {
            throw new FedifyPeerException("control " + route + " answered invalid JSON: " + body, e);
        }
    }

    private URI control(String route) {
        return baseUri.resolve("/control/" + route);
    }

    private static URI uri(JsonObject o, String name) {
        return optionalUri(o, name).orElseThrow(
                () -> new FedifyPeerException("the peer's answer lacks \"" + name + "\": " + o));
    }

    private static List<URI> uriList(JsonObject o, String name) {
        JsonValue value = o.getOrDefault(name, JsonValue.EMPTY_JSON_ARRAY);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new FedifyPeerException("the peer's \"" + name + "\" is not an array: " + o);
        }
        return value.asJsonArray().getValuesAs(JsonString.class).stream()
                .map(string -> URI.create(string.getString()))
                .toList();
    }

    private static Optional<URI> optionalUri(JsonObject o, String name) {
        return optionalString(o, name).map(URI::create);
    }

    private static Optional<String> optionalString(JsonObject o, String name) {
        JsonValue value = o.getOrDefault(name, JsonValue.NULL);
        return value.getValueType() == JsonValue.ValueType.STRING
                ? Optional.of(o.getString(name))
                : Optional.empty();
    }
}
