package org.tributary.node.hashtag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestNode;

/** Mastodon's tag entity, follow/unfollow and followed_tags, on one node. */
class TagsApiTest {
    private static TestNode node;
    private static Chatter erin;

    @BeforeAll
    static void startNode() {
        node = TestNode.start("legal");
        erin = new Chatter(node, "erin");
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aTagShowsItsUseOverTheLastWeekAndWhetherTheViewerFollowsIt() {
        erin.post("first #Compliance", "public", null);
        erin.post("second #compliance", "public", null);
        erin.post("just us #compliance", "private", null);
        JsonPath tag = node.api(erin.token).get("/api/v1/tags/Compliance").then().statusCode(200).extract().jsonPath();
        assertEquals("compliance", tag.getString("name"));
        assertEquals(node.baseUrl() + "/tags/compliance", tag.getString("url"));
        assertFalse(tag.getBoolean("following"));
        assertEquals(7, tag.getList("history").size());
        String today = String.valueOf(LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        assertEquals(today, tag.getString("history[0].day"));
        assertEquals("2", tag.getString("history[0].uses"), "followers-only posts are not counted");
        assertEquals("1", tag.getString("history[0].accounts"));
    }

    @Test
    void followingAndUnfollowingShowInTheTagAndInFollowedTags() {
        assertTrue(erin.followTag("contracts").getBoolean("following"));
        assertTrue(erin.followTag("policies").getBoolean("following"));
        assertTrue(erin.followTag("contracts").getBoolean("following"), "following again is fine");
        var response = node.api(erin.token).queryParam("limit", 1).get("/api/v1/followed_tags").then().statusCode(200)
                .extract();
        assertEquals(List.of("policies"), response.jsonPath().getList("name"));
        assertTrue(response.header("Link").contains("rel=\"next\""), response.header("Link"));

        assertFalse(erin.unfollowTag("policies").getBoolean("following"));
        List<String> followed = node.api(erin.token).get("/api/v1/followed_tags").then().statusCode(200).extract()
                .jsonPath().getList("name");
        assertTrue(followed.contains("contracts") && !followed.contains("policies"), followed.toString());
    }

    @Test
    void badTagsAndMissingTokensAreRefusedWithStableCodes() {
        node.api(erin.token).post("/api/v1/tags/not-a-tag/follow").then().statusCode(422);
        node.anonymous().get("/api/v1/tags/contracts").then().statusCode(401);
        node.anonymous().get("/api/v1/timelines/tag/contracts").then().statusCode(401);
        node.anonymous().get("/api/v1/followed_tags").then().statusCode(401);
    }
}
