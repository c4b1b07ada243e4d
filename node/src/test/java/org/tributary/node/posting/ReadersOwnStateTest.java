package org.tributary.node.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Kudos, events, questions, search results and an edited post show the reader's own state of their post
 * (favourited, reblogged), as timelines and the single-post endpoint do: Mastodon clients draw the star from it.
 */
class ReadersOwnStateTest {
    private static TestNode finance;
    private static Api alice;
    private static Api bea;

    @BeforeAll
    static void start() {
        finance = TestNode.start("finance");
        finance.addEmployee("alice");
        finance.addEmployee("bea");
        alice = Api.as(finance, "alice");
        bea = Api.as(finance, "bea");
    }

    @AfterAll
    static void stop() {
        finance.close();
    }

    @Test
    void kudosShowWhetherTheReaderLikedTheirPost() {
        String id = send(alice, "/api/v1/kudos", Map.of("recipient_ids", List.of(alice.accountId("bea")),
                "message", "for the audit prep", "value", "Teamwork")).getString("id");
        like(bea, id);

        assertEquals(true, get(bea, "/api/v1/kudos/" + id).getBoolean("status.favourited"));
        assertEquals(false, get(alice, "/api/v1/kudos/" + id).getBoolean("status.favourited"), "alice did not");
        assertEquals(List.of(true), get(bea, "/api/v1/kudos/organization").getList("findAll { it.id == '" + id
                + "' }.status.favourited"));
    }

    @Test
    void eventsShowWhetherTheReaderLikedTheirPost() {
        Instant start = Instant.now().plus(Duration.ofDays(7));
        String id = send(alice, "/api/v1/events", Map.of("name", "In Lisbon next week", "start_time", start.toString(),
                "end_time", start.plus(Duration.ofHours(2)).toString(), "place", Map.of("name", "Lisbon"))).getString("id");
        like(bea, id);

        assertEquals(true, get(bea, "/api/v1/events/" + id).getBoolean("status.favourited"));
        assertEquals(List.of(true), get(bea, "/api/v1/events").getList("findAll { it.id == '" + id
                + "' }.status.favourited"));
        assertEquals(true, send(bea, "/api/v1/events/" + id + "/rsvp", Map.of("answer", "accept"))
                .getBoolean("status.favourited"));
    }

    @Test
    void questionsAndTheirAcceptedAnswerShowWhetherTheReaderLikedThem() {
        String question = send(alice, "/api/v1/questions", Map.of("status", "Who approves travel?")).getString("id");
        String answer = bea.post(Map.of("status", "Your head of unit does", "in_reply_to_id", question))
                .getString("id");
        like(alice, answer);
        like(alice, question);

        JsonPath accepted = send(alice, "/api/v1/questions/" + question + "/accept", Map.of("answer_id", answer));

        assertEquals(true, accepted.getBoolean("status.favourited"));
        assertEquals(true, accepted.getBoolean("accepted_answer.favourited"));
        assertEquals(true, get(alice, "/api/v1/questions/" + question).getBoolean("accepted_answer.favourited"));
        assertEquals(false, get(bea, "/api/v1/questions/" + question).getBoolean("accepted_answer.favourited"));
        JsonPath listed = get(alice, "/api/v1/questions");
        assertEquals(List.of(true), listed.getList("findAll { it.id == '" + question + "' }.status.favourited"));
        assertEquals(List.of(true), listed.getList("findAll { it.id == '" + question
                + "' }.accepted_answer.favourited"));
    }

    @Test
    void searchResultsShowWhetherTheReaderLikedThem() {
        String id = alice.post(Map.of("status", "Okapi sightings in the atrium", "visibility", "public"))
                .getString("id");
        like(bea, id);

        Eventually.await("the post is searchable", Api.WAIT, () -> !search(bea, "okapi").getList("statuses").isEmpty());

        assertEquals(List.of(true), search(bea, "okapi").getList("statuses.favourited"));
        assertEquals(List.of(false), search(alice, "okapi").getList("statuses.favourited"));
    }

    @Test
    void anEditedPostShowsWhetherItsAuthorLikedIt() {
        String id = alice.post(Map.of("status", "Quarter closes Friday", "visibility", "public")).getString("id");
        like(alice, id);

        JsonPath edited = finance.api(alice.token).contentType(ContentType.JSON)
                .body(Map.of("status", "Quarter closes Thursday")).put("/api/v1/statuses/" + id).then()
                .log().ifValidationFails().statusCode(200).extract().jsonPath();

        assertEquals(true, edited.getBoolean("favourited"));
    }

    private static void like(Api who, String statusId) {
        finance.api(who.token).post("/api/v1/statuses/" + statusId + "/favourite").then().statusCode(200);
    }

    private static JsonPath send(Api who, String path, Map<String, Object> body) {
        return finance.api(who.token).contentType(ContentType.JSON).body(body).post(path).then()
                .log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    private static JsonPath search(Api who, String q) {
        return finance.api(who.token).queryParam("q", q).queryParam("type", "statuses").get("/api/v2/search").then()
                .log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    private static JsonPath get(Api who, String path) {
        return finance.api(who.token).get(path).then().log().ifValidationFails().statusCode(200).extract()
                .jsonPath();
    }
}
