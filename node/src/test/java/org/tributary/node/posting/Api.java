package org.tributary.node.posting;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/** Client API steps the posting tests share: one employee on one node, logged in. */
final class Api {
    static final Duration WAIT = Duration.ofSeconds(20);

    final TestNode node;
    final String username;
    final String token;

    private Api(TestNode node, String username) {
        this.node = node;
        this.username = username;
        this.token = node.login(username);
    }

    static Api as(TestNode node, String username) {
        return new Api(node, username);
    }

    /** Posts and returns the new status as JSON. */
    JsonPath post(Map<String, Object> body) {
        return node.api(token).contentType(ContentType.JSON).body(body).post("/api/v1/statuses").then()
                .log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    /** The id of an account (local or remote) as this node knows it. */
    String accountId(String acct) {
        return node.api(token).queryParam("acct", acct).get("/api/v1/accounts/lookup").then()
                .log().ifValidationFails().statusCode(200).extract().path("id");
    }

    /** Follows and waits until the follow is accepted. */
    void follow(String acct) {
        String id = accountId(acct);
        node.api(token).post("/api/v1/accounts/" + id + "/follow").then().statusCode(200);
        Eventually.await(username + " following " + acct, WAIT, () -> node.api(token).queryParam("id[]", id)
                .get("/api/v1/accounts/relationships").then().statusCode(200).extract().<Boolean>path("[0].following"));
    }

    JsonPath home() {
        return node.api(token).queryParam("limit", 40).get("/api/v1/timelines/home").then().statusCode(200)
                .extract().jsonPath();
    }

    JsonPath notifications() {
        return node.api(token).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
    }

    int statusCode(String id) {
        return node.api(token).get("/api/v1/statuses/" + id).then().extract().statusCode();
    }

    /** Waits for a post whose URI is {@code uri} in the home timeline and returns it. */
    Map<String, Object> awaitInHome(String uri) {
        return awaitInHome(status -> uri.equals(status.get("uri")));
    }

    Map<String, Object> awaitInHome(Predicate<Map<String, Object>> wanted) {
        return Eventually.await(username + "'s home timeline to show the post", WAIT,
                () -> this.<Map<String, Object>>first(home().getList(""), wanted), Optional::isPresent).orElseThrow();
    }

    Map<String, Object> awaitNotification(String type, String statusUri) {
        return Eventually.await(username + " to be notified (" + type + ")", WAIT,
                () -> this.<Map<String, Object>>first(notifications().getList(""), n -> type.equals(n.get("type"))
                        && (statusUri == null || statusUri.equals(statusUriOf(n)))), Optional::isPresent).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Object statusUriOf(Map<String, Object> notification) {
        Object status = notification.get("status");
        return status == null ? null : ((Map<String, Object>) status).get("uri");
    }

    private <T> Optional<T> first(List<T> items, Predicate<T> wanted) {
        return items.stream().filter(wanted).findFirst();
    }
}
