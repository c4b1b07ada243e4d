package org.tributary.node.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.testing.TestActor;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Posts from a scripted peer: hostile HTML is sanitized, Mention and Hashtag tags, the content warning
 * and the language are kept, and only the author may update or delete a post (another actor of the same
 * node may not, though the origin checks let the activity in).
 */
class IncomingPostsFromAPeerTest {
    private TestNode finance;
    private FakePeer peer;
    private Api alice;
    private TestActor mallory;
    private TestActor eve;

    @BeforeEach
    void start() {
        finance = TestNode.start("finance");
        finance.addEmployee("alice");
        alice = Api.as(finance, "alice");
        peer = FakePeer.allowedBy(finance);
        mallory = peer.actor("mallory");
        eve = peer.actor("eve");
    }

    @AfterEach
    void stop() {
        peer.close();
        finance.close();
    }

    @Test
    void hostileHtmlIsSanitizedAndTagsWarningAndLanguageAreKept() {
        String noteUri = deliverNote("1", "<p>hi<script>alert(1)</script><img src=x onerror=alert(1)>"
                + "<a href=\\\"javascript:alert(1)\\\">click</a> <a href=\\\"https://ok.example/\\\" "
                + "onclick=\\\"steal()\\\">ok</a></p>");
        Map<String, Object> notification = alice.awaitNotification("mention", noteUri);
        JsonPath status = JsonPath.from(jakarta.json.Json.createObjectBuilder(notification).build().toString())
                .setRootPath("status");
        String content = status.getString("content");
        for (String forbidden : List.of("<script", "alert", "onerror", "<img", "javascript:", "onclick")) {
            assertFalse(content.contains(forbidden), forbidden + " in " + content);
        }
        assertTrue(content.contains("<a href=\"https://ok.example/\" rel=\"nofollow noopener noreferrer\">ok</a>"),
                content);
        assertEquals("direct", status.getString("visibility"));
        assertEquals("careful", status.getString("spoiler_text"));
        assertTrue(status.getBoolean("sensitive"));
        assertEquals("de", status.getString("language"));
        assertEquals(List.of("lunch"), status.getList("tags.name"));
        assertEquals(List.of("alice"), status.getList("mentions.acct"));
    }

    @Test
    void onlyTheAuthorMayUpdateOrDeleteTheirPost() {
        String noteUri = deliverNote("2", "<p>original</p>");
        String id = String.valueOf(alice.awaitNotification("mention", noteUri).get("id"));
        String statusId = finance.api(alice.token).get("/api/v1/notifications/" + id).then().statusCode(200)
                .extract().path("status.id");

        // eve is on the same node, so the inbox lets her activities in; the handlers check ownership.
        assertEquals(202, peer.deliver(eve, inbox(), update(eve, noteUri, "3", "<p>forged</p>")));
        assertEquals(202, peer.deliver(eve, inbox(), delete(eve, noteUri, "4")));
        Eventually.await("eve's activities handled", Api.WAIT, () -> finance.assembly().inboxPending() == 0);
        finance.api(alice.token).get("/api/v1/statuses/" + statusId).then().statusCode(200)
                .body("content", org.hamcrest.Matchers.equalTo("<p>original</p>"));

        assertEquals(202, peer.deliver(mallory, inbox(), update(mallory, noteUri, "5", "<p>corrected</p>")));
        Eventually.await("mallory's edit", Api.WAIT, () -> finance.api(alice.token).get("/api/v1/statuses/" + statusId)
                .then().extract().<String>path("content").equals("<p>corrected</p>"));
        finance.api(alice.token).get("/api/v1/statuses/" + statusId).then()
                .body("edited_at", org.hamcrest.Matchers.notNullValue());

        assertEquals(202, peer.deliver(mallory, inbox(), delete(mallory, noteUri, "6")));
        Eventually.await("mallory's deletion", Api.WAIT, () -> alice.statusCode(statusId) == 404);
        assertTrue(alice.notifications().getList("").isEmpty(), "the deleted post's notification went with it");
        // A late copy of the Create (under a new activity id, so not a replay) does not bring the post back.
        deliverNote("2", "<p>original</p>", "create-again");
        Eventually.await("the late Create handled", Api.WAIT, () -> finance.assembly().inboxPending() == 0);
        assertEquals(404, alice.statusCode(statusId));
    }

    /** mallory sends alice a direct Note with a Mention of her, a Hashtag, a content warning and a language. */
    private String deliverNote(String n, String contentJson) {
        return deliverNote(n, contentJson, "create-" + n);
    }

    private String deliverNote(String n, String contentJson, String activity) {
        String noteUri = mallory.id() + "/notes/" + n;
        String alice = finance.actorUri("alice").toString();
        String json = """
                {"@context":"https://www.w3.org/ns/activitystreams","id":"%1$s/activities/%7$s","type":"Create",
                 "actor":"%1$s","to":["%3$s"],
                 "object":{"id":"%4$s","type":"Note","attributedTo":"%1$s","to":["%3$s"],
                   "content":"%5$s","contentMap":{"de":"%5$s"},"summary":"<b>careful</b>","sensitive":true,
                   "tag":[{"type":"Mention","href":"%3$s","name":"@alice"},
                          {"type":"Hashtag","name":"#Lunch","href":"%6$s"}]}}
                """.formatted(mallory.id(), n, alice, noteUri, contentJson, peer.url("/tags/lunch"), activity);
        assertEquals(202, peer.deliver(mallory, inbox(), json));
        return noteUri;
    }

    private String update(TestActor actor, String noteUri, String n, String content) {
        return """
                {"@context":"https://www.w3.org/ns/activitystreams","id":"%1$s/activities/update-%2$s",
                 "type":"Update","actor":"%1$s","to":["%3$s"],
                 "object":{"id":"%4$s","type":"Note","attributedTo":"%1$s","to":["%3$s"],"content":"%5$s",
                   "updated":"2030-01-01T00:00:00Z",
                   "tag":[{"type":"Mention","href":"%3$s","name":"@alice"}]}}
                """.formatted(actor.id(), n, finance.actorUri("alice"), noteUri, content);
    }

    private String delete(TestActor actor, String noteUri, String n) {
        return """
                {"@context":"https://www.w3.org/ns/activitystreams","id":"%1$s/activities/delete-%2$s",
                 "type":"Delete","actor":"%1$s","to":["%3$s"],"object":{"id":"%4$s","type":"Tombstone"}}
                """.formatted(actor.id(), n, finance.actorUri("alice"), noteUri);
    }

    private URI inbox() {
        return URI.create(finance.baseUrl() + "/users/alice/inbox");
    }
}
