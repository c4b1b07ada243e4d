package org.tributary.node.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Questions across three real nodes (finance: alice asks, ann; sales: bob answers; hr: carol reads):
 * the question is listed as open everywhere it arrives, the asker accepts a reply from another node,
 * the acceptance reaches every node (answered lists) and the answer's author is told on their node.
 */
class QuestionsAcrossNodesTest {
    private static TestNode finance;
    private static TestNode sales;
    private static TestNode hr;
    private static Colleague alice;
    private static Colleague ann;
    private static Colleague bob;
    private static Colleague carol;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        hr = TestNode.start("hr");
        finance.allow(sales, hr);
        sales.allow(finance, hr);
        hr.allow(finance, sales);
        alice = Colleague.on(finance, "alice");
        ann = Colleague.on(finance, "ann");
        bob = Colleague.on(sales, "bob");
        carol = Colleague.on(hr, "carol");
        bob.follow(alice);
        carol.follow(alice);
    }

    @AfterAll
    static void stopNodes() {
        Stream.of(finance, sales, hr).forEach(TestNode::close);
    }

    @Test
    void theAskerAcceptsAnAnswerFromAnotherNodeAndEveryNodeListsTheQuestionAsAnswered() {
        JsonPath asked = alice.ok("/api/v1/questions", Map.of("status", "How do I book the big meeting room?"));
        String uri = asked.getString("status.uri");
        String questionId = asked.getString("id");
        assertEquals("open", asked.getString("state"));

        Map<String, Object> openAtSales = bob.awaitInList("/api/v1/questions", q -> uri.equals(uri(q)), "state", "open");
        String bobsQuestionId = (String) openAtSales.get("id");
        carol.awaitInList("/api/v1/questions", q -> uri.equals(uri(q)), "state", "open");

        String answerUri = bob.ok("/api/v1/statuses", Map.of("status", "Through the facilities form.",
                "in_reply_to_id", bobsQuestionId)).getString("uri");
        ann.ok("/api/v1/statuses", Map.of("status", "Ask reception?", "in_reply_to_id", questionId));
        String answerId = Eventually.await("bob's answer at finance", Colleague.WAIT,
                () -> alice.get("/api/v1/statuses/" + questionId + "/context").<Map<String, Object>>getList(
                        "descendants").stream().filter(s -> answerUri.equals(s.get("uri"))).findFirst(),
                java.util.Optional::isPresent).orElseThrow().get("id").toString();

        // Only the asker may accept, and only a reply to the question.
        assertEquals("not_asker", ann.postJson("/api/v1/questions/" + questionId + "/accept",
                Map.of("answer_id", answerId)).statusCode(403).extract().path("code"));
        String unrelated = alice.ok("/api/v1/statuses", Map.of("status", "unrelated")).getString("id");
        assertEquals("not_an_answer", alice.postJson("/api/v1/questions/" + questionId + "/accept",
                Map.of("answer_id", unrelated)).statusCode(422).extract().path("code"));

        JsonPath accepted = alice.ok("/api/v1/questions/" + questionId + "/accept", Map.of("answer_id", answerId));
        assertEquals("answered", accepted.getString("state"));
        assertEquals(answerUri, accepted.getString("accepted_answer_uri"));
        assertEquals(answerUri, accepted.getString("accepted_answer.uri"));
        assertTrue(alice.get("/api/v1/questions", "state", "open").getList("id").stream()
                .noneMatch(questionId::equals));

        // The acceptance reaches the answer's author, who is told on his node, and the follower's node.
        bob.awaitNotification("accepted_answer", answerUri);
        Map<String, Object> answeredAtSales = bob.awaitInList("/api/v1/questions", q -> uri.equals(uri(q)),
                "state", "answered");
        assertEquals(answerUri, answeredAtSales.get("accepted_answer_uri"));
        carol.awaitInList("/api/v1/questions", q -> uri.equals(uri(q)), "state", "answered");
        assertTrue(carol.get("/api/v1/questions", "state", "open").<Map<String, Object>>getList("").stream()
                .noneMatch(q -> uri.equals(uri(q))));
    }

    @Test
    void aPostMarkedAsAQuestionThroughTheStatusesApiIsListed() {
        String id = alice.ok("/api/v1/statuses", Map.of("status", "Anyone used the new VPN?", "question", true))
                .getString("id");
        assertEquals("open", alice.get("/api/v1/questions/" + id).getString("state"));
        String plain = alice.ok("/api/v1/statuses", Map.of("status", "Not a question")).getString("id");
        finance.api(alice.token).get("/api/v1/questions/" + plain).then().statusCode(404);
        assertEquals("invalid_state", alice.node.api(alice.token).queryParam("state", "closed")
                .get("/api/v1/questions").then().statusCode(400).extract().path("code"));
    }

    @SuppressWarnings("unchecked")
    private static Object uri(Map<String, Object> question) {
        return ((Map<String, Object>) question.get("status")).get("uri");
    }
}
