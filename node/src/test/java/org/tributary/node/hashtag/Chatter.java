package org.tributary.node.hashtag;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tributary.node.testing.TestNode;

/** One employee in a hashtag chat, logged in on their node: posts, follows tags, reads tag timelines. */
final class Chatter {
    final TestNode node;
    final String username;
    final String token;

    Chatter(TestNode node, String username) {
        this.node = node;
        this.username = username;
        node.addEmployee(username);
        this.token = node.login(username);
    }

    JsonPath post(String text, String visibility, String inReplyToId) {
        Map<String, Object> body = new HashMap<>(Map.of("status", text, "visibility", visibility));
        if (inReplyToId != null) {
            body.put("in_reply_to_id", inReplyToId);
        }
        return node.api(token).contentType(ContentType.JSON).body(body).post("/api/v1/statuses").then()
                .log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    JsonPath followTag(String tag) {
        return node.api(token).post("/api/v1/tags/" + tag + "/follow").then().log().ifValidationFails()
                .statusCode(200).extract().jsonPath();
    }

    JsonPath unfollowTag(String tag) {
        return node.api(token).post("/api/v1/tags/" + tag + "/unfollow").then().log().ifValidationFails()
                .statusCode(200).extract().jsonPath();
    }

    /** One page of the tag timeline, with extra query parameters. */
    JsonPath tagTimeline(String tag, Map<String, ?> params) {
        return node.api(token).queryParams(params).get("/api/v1/timelines/tag/" + tag).then().log()
                .ifValidationFails().statusCode(200).extract().jsonPath();
    }

    List<String> tagTimelineUris(String tag) {
        return tagTimeline(tag, Map.of("limit", 40)).getList("uri");
    }

    /** The whole tag timeline, read page by page through {@code max_id}, newest first. */
    List<String> pagedTagTimelineUris(String tag, int pageSize) {
        List<String> uris = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(Map.of("limit", pageSize));
        while (true) {
            JsonPath page = tagTimeline(tag, params);
            List<String> pageUris = page.getList("uri");
            if (pageUris.isEmpty()) {
                return uris;
            }
            uris.addAll(pageUris);
            List<String> ids = page.getList("id");
            params.put("max_id", ids.get(ids.size() - 1));
        }
    }

    /** The local id of the post with this URI in the tag timeline. */
    String idInTagTimeline(String tag, String uri) {
        JsonPath page = tagTimeline(tag, Map.of("limit", 40));
        List<String> uris = page.getList("uri");
        int index = uris.indexOf(uri);
        if (index < 0) {
            throw new AssertionError(uri + " not in " + username + "'s #" + tag + " timeline: " + uris);
        }
        return page.getList("id", String.class).get(index);
    }

    List<String> homeUris() {
        return node.api(token).queryParam("limit", 40).get("/api/v1/timelines/home").then().statusCode(200).extract()
                .jsonPath().getList("uri");
    }
}
