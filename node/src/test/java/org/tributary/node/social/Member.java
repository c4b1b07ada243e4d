package org.tributary.node.social;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/** One employee on one node, logged in, with the client API steps the social tests share. */
final class Member {
    static final Duration WAIT = Duration.ofSeconds(20);

    final TestNode node;
    final String username;
    final String token;

    private Member(TestNode node, String username) {
        this.node = node;
        this.username = username;
        this.token = node.login(username);
    }

    static Member of(TestNode node, String username) {
        return new Member(node, username);
    }

    /** This member as other nodes name them. */
    String handle() {
        return username + "@" + node.authority();
    }

    JsonPath post(String text, String visibility) {
        return node.api(token).contentType(ContentType.JSON).body(Map.of("status", text, "visibility", visibility))
                .post("/api/v1/statuses").then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    /** The id this member's node gives an account ({@code user} or {@code user@host:port}). */
    String accountId(String acct) {
        return node.api(token).queryParam("acct", acct).get("/api/v1/accounts/lookup").then()
                .log().ifValidationFails().statusCode(200).extract().path("id");
    }

    Response action(String path) {
        return node.api(token).post(path);
    }

    JsonPath accountAction(String acct, String action) {
        return action("/api/v1/accounts/" + accountId(acct) + "/" + action).then().log().ifValidationFails()
                .statusCode(200).extract().jsonPath();
    }

    JsonPath relationship(String acct) {
        return node.api(token).queryParam("id[]", accountId(acct)).get("/api/v1/accounts/relationships").then()
                .statusCode(200).extract().jsonPath().setRootPath("[0]");
    }

    void awaitRelationship(String acct, String field, boolean expected) {
        Eventually.await(username + "'s " + field + " of " + acct + " to be " + expected, WAIT,
                () -> relationship(acct).getBoolean(field) == expected);
    }

    /** Follows and waits until the follow is accepted. */
    void follow(String acct) {
        accountAction(acct, "follow");
        awaitRelationship(acct, "following", true);
    }

    List<Map<String, Object>> home() {
        return node.api(token).queryParam("limit", 40).get("/api/v1/timelines/home").then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    List<Map<String, Object>> notifications() {
        return node.api(token).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath().getList("");
    }

    /** The id of the post with this URI on this member's node, once it has arrived there. */
    String awaitLocalId(String uri) {
        return Eventually.await(username + "'s node to hold " + uri, WAIT,
                () -> first(home(), status -> uri.equals(status.get("uri"))).map(status -> (String) status.get("id")),
                Optional::isPresent).orElseThrow();
    }

    JsonPath status(String id) {
        return node.api(token).get("/api/v1/statuses/" + id).then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
    }

    void awaitCount(String id, String field, int expected) {
        Eventually.await(username + " to see " + field + " = " + expected, WAIT,
                () -> status(id).getInt(field) == expected);
    }

    Map<String, Object> awaitNotification(String type, String fromAcct) {
        return Eventually.await(username + " to be notified (" + type + " from " + fromAcct + ")", WAIT,
                () -> first(notifications(), n -> type.equals(n.get("type")) && fromAcct.equals(acctOf(n))),
                Optional::isPresent).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static String acctOf(Map<String, Object> notification) {
        return (String) ((Map<String, Object>) notification.get("account")).get("acct");
    }

    static <T> Optional<T> first(List<T> items, Predicate<T> wanted) {
        return items.stream().filter(wanted).findFirst();
    }
}
