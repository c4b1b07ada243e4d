package org.tributary.node.social;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/** One employee on one node, logged in: the client API steps the kudos, question, poll and event tests share. */
final class Colleague {
    static final Duration WAIT = Duration.ofSeconds(20);

    final TestNode node;
    final String username;
    final String token;

    private Colleague(TestNode node, String username) {
        this.node = node;
        this.username = username;
        this.token = node.login(username);
    }

    static Colleague on(TestNode node, String username) {
        node.addEmployee(username);
        return new Colleague(node, username);
    }

    /** How colleagues on other nodes write this one's handle. */
    String handle() {
        return username + "@" + node.authority();
    }

    ValidatableResponse postJson(String path, Map<String, ?> body) {
        return node.api(token).contentType(ContentType.JSON).body(body).post(path).then().log().ifValidationFails();
    }

    JsonPath ok(String path, Map<String, ?> body) {
        return postJson(path, body).statusCode(200).extract().jsonPath();
    }

    JsonPath get(String path, Object... queryNamesAndValues) {
        var request = node.api(token);
        for (int i = 0; i + 1 < queryNamesAndValues.length; i += 2) {
            request = request.queryParam((String) queryNamesAndValues[i], queryNamesAndValues[i + 1]);
        }
        return request.get(path).then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    /** The id of an account (local or remote) as this node knows it, resolving it if need be. */
    String accountId(String acct) {
        return node.api(token).queryParam("acct", acct).get("/api/v1/accounts/lookup").then()
                .log().ifValidationFails().statusCode(200).extract().path("id");
    }

    /** Follows and waits until the follow is accepted. */
    void follow(Colleague other) {
        String id = accountId(other.handle());
        node.api(token).post("/api/v1/accounts/" + id + "/follow").then().statusCode(200);
        Eventually.await(username + " following " + other.username, WAIT, () -> node.api(token)
                .queryParam("id[]", id).get("/api/v1/accounts/relationships").then().statusCode(200)
                .extract().<Boolean>path("[0].following"));
    }

    List<Map<String, Object>> notifications(String type) {
        return get("/api/v1/notifications", "types[]", type).getList("");
    }

    /** Waits for a notification of {@code type} about the post with URI {@code statusUri} (any post if null). */
    Map<String, Object> awaitNotification(String type, String statusUri) {
        return Eventually.await(username + " to be notified (" + type + ")", WAIT,
                () -> notifications(type).stream().filter(n -> statusUri == null || statusUri.equals(statusUri(n)))
                        .findFirst(), Optional::isPresent).orElseThrow();
    }

    /** Waits until {@code path} answers a list with an element matching {@code wanted}, and returns it. */
    Map<String, Object> awaitInList(String path, Predicate<Map<String, Object>> wanted, Object... query) {
        return Eventually.await(username + " to see it in " + path, WAIT,
                () -> get(path, query).<Map<String, Object>>getList("").stream().filter(wanted).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /** Waits for the post with URI {@code uri} in the home timeline and returns it as this node shows it. */
    Map<String, Object> awaitInHome(String uri) {
        return awaitInList("/api/v1/timelines/home", status -> uri.equals(status.get("uri")), "limit", 40);
    }

    @SuppressWarnings("unchecked")
    private static Object statusUri(Map<String, Object> notification) {
        Object status = notification.get("status");
        return status == null ? null : ((Map<String, Object>) status).get("uri");
    }
}
