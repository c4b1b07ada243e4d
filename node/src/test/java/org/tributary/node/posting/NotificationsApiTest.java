package org.tributary.node.posting;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestNode;

/**
 * The notifications API on one node: Mastodon's shape, paging by max_id/since_id/min_id with a Link
 * header, filtering by type, dismissing one and clearing all; a local reply notifies "reply".
 */
class NotificationsApiTest {
    private static TestNode finance;
    private static Api alice;
    private static Api ann;
    private static List<String> mentionIds;

    @BeforeAll
    static void start() {
        finance = TestNode.start("finance");
        finance.addEmployee("alice");
        finance.addEmployee("ann");
        alice = Api.as(finance, "alice");
        ann = Api.as(finance, "ann");
        for (int i = 1; i <= 5; i++) {
            ann.post(Map.of("status", "@alice note " + i, "visibility", "public"));
        }
        mentionIds = alice.notifications().getList("id"); // before any other test adds a notification
    }

    @AfterAll
    static void stop() {
        finance.close();
    }

    @Test
    void listsNewestFirstInMastodonsShape() {
        assertEquals(5, mentionIds.size());
        alice.node.api(alice.token).queryParam("types[]", "mention").get("/api/v1/notifications").then().statusCode(200)
                .body("[0].type", org.hamcrest.Matchers.equalTo("mention"))
                .body("[0].account.acct", org.hamcrest.Matchers.equalTo("ann"))
                .body("[0].status.content", containsString("note 5"))
                .body("[0].created_at", org.hamcrest.Matchers.notNullValue());
        List<Long> asNumbers = mentionIds.stream().map(Long::parseLong).toList();
        List<Long> sorted = new ArrayList<>(asNumbers);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, asNumbers);
    }

    @Test
    void pagesWithMaxSinceAndMinIdAndLinksTheNextAndPreviousPages() {
        Response first = finance.api(alice.token).queryParam("limit", 2).queryParam("types[]", "mention")
                .get("/api/v1/notifications");
        assertEquals(mentionIds.subList(0, 2), first.jsonPath().getList("id"));
        String link = first.header("Link");
        assertTrue(link.contains("max_id=" + mentionIds.get(1)) && link.contains("rel=\"next\""), link);
        assertTrue(link.contains("min_id=" + mentionIds.get(0)) && link.contains("rel=\"prev\""), link);

        assertEquals(mentionIds.subList(2, 4), ids(Map.of("limit", 2, "max_id", mentionIds.get(1))));
        assertEquals(mentionIds.subList(0, 2), ids(Map.of("since_id", mentionIds.get(2))));
        assertEquals(mentionIds.subList(2, 4), ids(Map.of("limit", 2, "min_id", mentionIds.get(4))));
        assertEquals(List.of(), finance.api(alice.token).queryParam("types[]", "follow").get("/api/v1/notifications")
                .then().statusCode(200).extract().path("id"));
        List<String> withoutMentions = finance.api(alice.token).queryParam("exclude_types[]", "mention")
                .get("/api/v1/notifications").then().statusCode(200).extract().path("type");
        assertTrue(withoutMentions.stream().noneMatch("mention"::equals), withoutMentions.toString());
    }

    @Test
    void aNotifiedPostShowsWhetherTheReaderLikedIt() {
        finance.addEmployee("bea"); // her own reader: the other tests count alice's mentions
        Api bea = Api.as(finance, "bea");
        String mentioning = ann.post(Map.of("status", "@bea liked soon", "visibility", "public")).getString("id");
        finance.api(bea.token).post("/api/v1/statuses/" + mentioning + "/favourite").then().statusCode(200);
        Map<String, Object> notified = finance.api(bea.token).queryParam("types[]", "mention")
                .get("/api/v1/notifications").then().statusCode(200).extract().jsonPath().getMap("[0].status");
        assertEquals(mentioning, notified.get("id"));
        assertEquals(Boolean.TRUE, notified.get("favourited"));
        assertEquals(finance.api(bea.token).get("/api/v1/statuses/" + mentioning).then().extract().jsonPath()
                .getMap("$"), notified);
    }

    @Test
    void aLocalReplyNotifiesTheRepliedToAuthorWithReply() {
        String id = alice.post(Map.of("status", "lunch?", "visibility", "local")).getString("id");
        String reply = ann.post(Map.of("status", "yes", "visibility", "local", "in_reply_to_id", id)).getString("uri");
        alice.awaitNotification("reply", reply);
    }

    @Test
    void dismissRemovesOneAndClearRemovesAllOfTheCallersOwn() {
        finance.addEmployee("lea");
        finance.addEmployee("leo");
        Api lea = Api.as(finance, "lea");
        Api leo = Api.as(finance, "leo");
        leo.post(Map.of("status", "@lea one", "visibility", "public"));
        leo.post(Map.of("status", "@lea two", "visibility", "public"));
        lea.post(Map.of("status", "@leo hi", "visibility", "public"));
        List<String> leas = lea.notifications().getList("id");
        assertEquals(2, leas.size());
        finance.api(lea.token).post("/api/v1/notifications/" + leas.get(0) + "/dismiss").then().statusCode(200);
        assertEquals(List.of(leas.get(1)), lea.notifications().getList("id"));
        finance.api(lea.token).post("/api/v1/notifications/" + leas.get(0) + "/dismiss").then().statusCode(404);
        finance.api(leo.token).post("/api/v1/notifications/" + leas.get(1) + "/dismiss").then().statusCode(404);
        finance.api(lea.token).post("/api/v1/notifications/clear").then().statusCode(200);
        assertEquals(List.of(), lea.notifications().getList("id"));
        assertEquals(1, leo.notifications().getList("id").size(), "clearing lea's leaves leo's alone");
    }

    private static List<String> ids(Map<String, Object> query) {
        return finance.api(alice.token).queryParams(query).queryParam("types[]", "mention")
                .get("/api/v1/notifications").then().statusCode(200).extract().path("id");
    }
}
