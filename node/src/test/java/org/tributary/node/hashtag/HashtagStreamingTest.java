package org.tributary.node.hashtag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Live hashtag timelines: a client streaming #lrnchat on finance sees, within seconds, a post written
 * on hr; the stream also reports edits and deletions; the token may come as a query parameter; and
 * streams are refused without a token or beyond the per-account limit.
 */
class HashtagStreamingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static TestNode finance;
    private static TestNode sales;
    private static TestNode hr;
    private static Chatter alice;
    private static Chatter carol;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        hr = TestNode.start("hr");
        finance.allow(sales, hr);
        sales.allow(finance, hr);
        hr.allow(finance, sales);
        alice = new Chatter(finance, "alice");
        carol = new Chatter(hr, "carol");
    }

    @AfterAll
    static void stopNodes() {
        Stream.of(finance, sales, hr).forEach(TestNode::close);
    }

    @Test
    void aPostOnAnotherNodeArrivesOnTheHashtagStreamWithinSeconds() throws Exception {
        alice.followTag("lrnchat");
        Eventually.await("finance subscribed to #lrnchat on hr", WAIT,
                () -> finance.assembly().tagSubscriptions().of("lrnchat").stream()
                        .anyMatch(subscription -> subscription.peer().equals(hr.authority())
                                && subscription.accepted()));
        try (SseClient stream = new SseClient(URI.create(finance.baseUrl()
                + "/api/v1/streaming/hashtag?tag=lrnchat&access_token=" + alice.token))) {
            assertEquals(200, stream.status(WAIT));
            stream.awaitLine(":", WAIT);

            JsonPath posted = carol.post("Q1: what did you learn this week? #lrnchat", "public", null);
            assertEquals("event: update", stream.awaitLine("event:", Duration.ofSeconds(5)));
            JsonPath update = JsonPath.from(stream.awaitLine("data:", WAIT).substring("data:".length()));
            assertEquals(posted.getString("uri"), update.getString("uri"));
            assertEquals("carol@" + hr.authority(), update.getString("account.acct"));
            assertEquals(List.of("lrnchat"), update.getList("tags.name"));

            String localId = update.getString("id");
            carol.node.api(carol.token).delete("/api/v1/statuses/" + posted.getString("id")).then().statusCode(200);
            assertEquals("event: delete", stream.awaitLine("event:", WAIT));
            assertEquals(localId, stream.awaitLine("data:", WAIT).substring("data:".length()).strip());
        }
    }

    @Test
    void postsWithOtherTagsAndFollowersOnlyPostsStayOffTheStream() throws Exception {
        Chatter ann = new Chatter(finance, "ann");
        try (SseClient stream = new SseClient(URI.create(finance.baseUrl() + "/api/v1/streaming/hashtag?tag=budget"
                + "&access_token=" + ann.token))) {
            stream.awaitLine(":", WAIT);
            alice.post("not this one #travel", "public", null);
            alice.post("nor this one #budget", "private", null);
            JsonPath shown = alice.post("this one #budget", "public", null);
            stream.awaitLine("event:", WAIT);
            assertEquals(shown.getString("uri"),
                    JsonPath.from(stream.awaitLine("data:", WAIT).substring(5)).getString("uri"));
        }
    }

    @Test
    void theUserStreamShowsPostsWithAFollowedTag() throws Exception {
        Chatter bea = new Chatter(finance, "bea");
        bea.followTag("offsite");
        try (SseClient stream = new SseClient(URI.create(finance.baseUrl() + "/api/v1/streaming/user"))) {
            // Without a token the stream is refused.
            assertEquals(401, stream.status(WAIT));
        }
        try (SseClient stream = new SseClient(URI.create(finance.baseUrl() + "/api/v1/streaming/user?access_token="
                + bea.token))) {
            stream.awaitLine(":", WAIT);
            alice.post("lunch plans, no tag", "public", null);
            JsonPath tagged = alice.post("agenda #offsite", "public", null);
            stream.awaitLine("event:", WAIT);
            assertEquals(tagged.getString("uri"),
                    JsonPath.from(stream.awaitLine("data:", WAIT).substring(5)).getString("uri"));
        }
    }

    @Test
    void anEditOnTheStreamShowsWhatItsReaderDidWithThePost() throws Exception {
        Chatter cleo = new Chatter(finance, "cleo");
        Chatter dan = new Chatter(finance, "dan");
        JsonPath posted = alice.post("draft agenda #planning", "public", null);
        String id = posted.getString("id");
        finance.api(cleo.token).post("/api/v1/statuses/" + id + "/favourite").then().statusCode(200);
        try (SseClient cleosStream = new SseClient(URI.create(finance.baseUrl()
                + "/api/v1/streaming/hashtag?tag=planning&access_token=" + cleo.token));
                SseClient dansStream = new SseClient(URI.create(finance.baseUrl()
                        + "/api/v1/streaming/hashtag?tag=planning&access_token=" + dan.token))) {
            cleosStream.awaitLine(":", WAIT);
            dansStream.awaitLine(":", WAIT);

            finance.api(alice.token).contentType(io.restassured.http.ContentType.JSON)
                    .body(java.util.Map.of("status", "final agenda #planning")).put("/api/v1/statuses/" + id).then()
                    .statusCode(200);

            assertEquals("event: status.update", cleosStream.awaitLine("event:", WAIT));
            JsonPath cleoSees = JsonPath.from(cleosStream.awaitLine("data:", WAIT).substring(5));
            assertEquals(id, cleoSees.getString("id"));
            assertEquals(true, cleoSees.getBoolean("favourited"), "the reader liked it before the edit");
            assertEquals(1, cleoSees.getInt("favourites_count"));
            assertEquals("event: status.update", dansStream.awaitLine("event:", WAIT));
            assertEquals(false, JsonPath.from(dansStream.awaitLine("data:", WAIT).substring(5))
                    .getBoolean("favourited"), "another reader did not");
        }
    }

    @Test
    void anAccountMayOpenOnlyAFewStreamsAtOnce() throws Exception {
        Chatter dora = new Chatter(finance, "dora");
        int limit = finance.assembly().streams().limits().perAccount();
        List<SseClient> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < limit; i++) {
                SseClient stream = new SseClient(URI.create(finance.baseUrl()
                        + "/api/v1/streaming/public?access_token=" + dora.token));
                open.add(stream);
                assertEquals(200, stream.status(WAIT));
                stream.awaitLine(":", WAIT);
            }
            try (SseClient refused = new SseClient(URI.create(finance.baseUrl()
                    + "/api/v1/streaming/public?access_token=" + dora.token))) {
                assertEquals(429, refused.status(WAIT));
            }
        } finally {
            open.forEach(SseClient::close);
        }
        Eventually.await("closed streams free their places", WAIT,
                () -> finance.assembly().streams().openCount() < limit);
    }
}
