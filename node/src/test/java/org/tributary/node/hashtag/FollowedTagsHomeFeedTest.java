package org.tributary.node.hashtag;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestNode;

/**
 * Followed tags in the stored home feed: organization posts with a followed tag are added when they are
 * stored or edited to carry it, recent ones when the tag is followed, and leave again on unfollow unless
 * something else puts them there.
 */
class FollowedTagsHomeFeedTest {
    private TestNode node;
    private Chatter dana;
    private Chatter erin;

    @BeforeEach
    void startNode() {
        node = TestNode.start("finance");
        dana = new Chatter(node, "dana");
        erin = new Chatter(node, "erin");
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    @Test
    void followingATagBringsItsRecentOrganizationPostsHome() {
        String earlier = dana.post("plan #Budget", "public", null).getString("uri");
        String secret = dana.post("just followers #budget", "private", null).getString("uri");
        String other = dana.post("unrelated #travel", "public", null).getString("uri");

        erin.followTag("budget");

        List<String> home = erin.homeUris();
        assertTrue(home.contains(earlier), "recent organization posts join the feed: " + home);
        assertFalse(home.contains(secret), "a followed tag never shows a followers-only post");
        assertFalse(home.contains(other));
    }

    @Test
    void newAndEditedPostsWithAFollowedTagArriveHome() {
        erin.followTag("budget");
        String fresh = dana.post("Q3 #budget numbers", "public", null).getString("uri");
        String department = dana.post("department only #budget", "department", null).getString("uri");
        var plain = dana.post("numbers soon", "public", null);
        assertFalse(erin.homeUris().contains(plain.getString("uri")));

        node.api(dana.token).contentType(ContentType.JSON).body(Map.of("status", "numbers soon #budget"))
                .put("/api/v1/statuses/" + plain.getString("id")).then().statusCode(200);

        List<String> home = erin.homeUris();
        assertTrue(home.contains(fresh), home.toString());
        assertTrue(home.contains(plain.getString("uri")), "an edit that adds the tag brings the post home");
        assertFalse(home.contains(department), "only organization posts travel by tag");
    }

    @Test
    void unfollowingATagTakesOutOnlyThePostsItBroughtHome() {
        erin.followTag("budget");
        erin.followTag("forecast");
        String onlyByTag = dana.post("draft #budget", "public", null).getString("uri");
        String alsoOtherTag = dana.post("draft #budget #forecast", "public", null).getString("uri");
        String mentionsErin = dana.post("@erin please check #budget", "public", null).getString("uri");
        String own = erin.post("my #budget notes", "public", null).getString("uri");

        erin.unfollowTag("budget");

        List<String> home = erin.homeUris();
        assertFalse(home.contains(onlyByTag), home.toString());
        assertTrue(home.contains(alsoOtherTag), "still followed through #forecast");
        assertTrue(home.contains(mentionsErin), "still addressed to erin");
        assertTrue(home.contains(own), "still erin's own");
    }
}
