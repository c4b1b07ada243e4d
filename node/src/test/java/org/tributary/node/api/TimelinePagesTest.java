package org.tributary.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.Profile;
import org.tributary.node.account.ProfileStore;
import org.tributary.node.account.Role;
import org.tributary.node.follow.Follow;
import org.tributary.node.follow.FollowState;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.media.MediaAttachment;
import org.tributary.node.media.MediaKind;
import org.tributary.node.media.MediaStore;
import org.tributary.node.media.TestFiles;
import org.tributary.node.poll.Poll;
import org.tributary.node.poll.PollStore;
import org.tributary.node.post.Recipient;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusRecipientStore;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusTagStore;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.Database;
import org.tributary.node.testing.CountingDataSource;
import org.tributary.node.testing.TestNode;
import org.tributary.node.timeline.HomeFeedStore;

/**
 * Timeline pages are built with one query per kind of data for the whole page: a page of 40 posts asks
 * the store exactly as much as a page of 10 with the same kinds of post, and what each post shows is what
 * the single-post endpoint shows. The pages mix everything a post can carry: boosts (by the reader and by
 * someone they follow), replies to known posts, local and remote polls, local and remote media, mentions,
 * hashtags, followers-only and direct posts, local and remote authors with profiles, likes.
 */
class TimelinePagesTest {
    private static final int ROUNDS = 4;
    /** Entries each round adds to alice's home timeline (see {@link #round}). */
    private static final int HOME_PER_ROUND = 10;

    private static CountingDataSource store;
    private static TestNode node;
    private static String alice;
    private static String bob;
    private static String carol;
    private static Account aliceAccount;
    private static Account dave;
    private static String bobId;
    /** Ids for the rows written straight into the store, apart from the node's (upper half of the sequence). */
    private static final AtomicLong remoteIds = new AtomicLong();

    @BeforeAll
    static void start() {
        store = new CountingDataSource("pages");
        node = TestNode.startHttpOnly("pages", store);
        aliceAccount = node.addEmployee("alice");
        node.addEmployee("bob");
        node.addEmployee("carol");
        alice = node.login("alice");
        bob = node.login("bob");
        carol = node.login("carol");
        bobId = node.api(bob).get("/api/v1/accounts/verify_credentials").path("id");
        node.api(alice).post("/api/v1/accounts/" + bobId + "/follow").then().statusCode(200);
        dave = remoteColleague();
        for (int round = 0; round < ROUNDS; round++) {
            round(round);
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aHomePageOfFortyAsksTheStoreAsMuchAsAPageOfTen() {
        CountingDataSource.Counts ten = store.during(() -> home(10));
        CountingDataSource.Counts forty = store.during(() -> home(40));

        assertEquals(ten.queries(), forty.queries(), () -> "10: " + ten.statements() + "\n40: " + forty.statements());
        assertEquals(ten.transactions(), forty.transactions(), "transactions");
        assertTrue(forty.queries() < 40, "fewer queries than posts on the page: " + forty.statements());
    }

    @Test
    void everyPostOfAHomePageIsShownAsTheSinglePostEndpointShowsIt() {
        List<Map<String, Object>> page = home(40).getList("$");
        assertEquals(ROUNDS * HOME_PER_ROUND, page.size());
        int boosts = 0;
        for (Map<String, Object> entry : page) {
            @SuppressWarnings("unchecked")
            Map<String, Object> boosted = (Map<String, Object>) entry.get("reblog");
            Map<String, Object> post = boosted == null ? entry : boosted;
            assertEquals(single("/api/v1/statuses/" + post.get("id")), post);
            if (boosted != null) {
                boosts++;
                @SuppressWarnings("unchecked")
                Map<String, Object> booster = (Map<String, Object>) entry.get("account");
                assertEquals(single("/api/v1/accounts/" + booster.get("id")), booster);
            }
        }
        assertEquals(ROUNDS * 2, boosts);
        // What the page is for: each kind of post is on it, with what it carries.
        List<Map<String, Object>> posts = page.stream().filter(entry -> entry.get("reblog") == null).toList();
        assertTrue(posts.stream().anyMatch(post -> post.get("poll") != null
                && ((Map<?, ?>) post.get("account")).get("acct").equals("dave@sales.example")));
        assertTrue(posts.stream().anyMatch(post -> !((List<?>) post.get("media_attachments")).isEmpty()
                && ((Map<?, ?>) post.get("account")).get("acct").equals("bob")));
        assertTrue(posts.stream().anyMatch(post -> post.get("in_reply_to_id") != null
                && ((Map<?, ?>) post.get("account")).get("acct").equals("dave@sales.example")));
        assertTrue(posts.stream().anyMatch(post -> Boolean.TRUE.equals(post.get("favourited"))
                && Boolean.TRUE.equals(post.get("reblogged")) && !((List<?>) post.get("mentions")).isEmpty()
                && !((List<?>) post.get("tags")).isEmpty()));
        assertTrue(posts.stream().anyMatch(post -> "direct".equals(post.get("visibility"))));
        assertTrue(posts.stream().anyMatch(post -> "private".equals(post.get("visibility"))));
    }

    @Test
    void publicAccountAndTagPagesShowEachPostAsTheSinglePostEndpointShowsIt() {
        // Including the viewer's own likes and boosts: these pages once said false for every post.
        boolean likedSeen = false;
        for (String path : List.of("/api/v1/timelines/public", "/api/v1/accounts/" + bobId + "/statuses",
                "/api/v1/timelines/tag/budget", "/api/v1/timelines/public?local=true")) {
            List<Map<String, Object>> posts = page(path, 40).getList("$");
            assertTrue(!posts.isEmpty(), path);
            for (Map<String, Object> post : posts) {
                assertEquals(single("/api/v1/statuses/" + post.get("id")), post, path);
                likedSeen |= Boolean.TRUE.equals(post.get("favourited"));
            }
        }
        assertTrue(likedSeen, "a post alice liked is on one of these pages");
    }

    @Test
    void publicAccountAndTagPagesOfFortyAskTheStoreAsMuchAsPagesOfTen() {
        for (String path : List.of("/api/v1/timelines/public", "/api/v1/accounts/" + bobId + "/statuses",
                "/api/v1/timelines/tag/budget")) {
            CountingDataSource.Counts ten = store.during(() -> page(path, 10));
            CountingDataSource.Counts forty = store.during(() -> page(path, 40));
            assertEquals(ten.queries(), forty.queries(),
                    () -> path + "\n10: " + ten.statements() + "\n40: " + forty.statements());
            assertEquals(ten.transactions(), forty.transactions(), path + ": transactions");
        }
    }

    private static JsonPath home(int limit) {
        return page("/api/v1/timelines/home", limit);
    }

    private static JsonPath page(String path, int limit) {
        return node.api(alice).queryParam("limit", limit).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> single(String path) {
        return node.api(alice).get(path).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /**
     * Ten entries in alice's home timeline, oldest first: from dave (remote, followed) a post naming alice
     * with a hashtag (alice likes and boosts it), a reply to bob with a remote image, a poll; from bob a post
     * with an uploaded image and a hashtag, a poll, a followers-only post naming carol, a direct message to
     * alice, a boost of carol's post (alice does not follow carol); alice's own reply to bob; alice's boost.
     */
    private static void round(int round) {
        Status named = remotePost(round + "-named", "<p>@alice budget talk #budget</p>", null, Visibility.ORGANIZATION,
                List.of(aliceAccount.id()), List.of("budget"));
        String bobPost = post(bob, Map.of("status", "round " + round + " #budget",
                "media_ids", List.of(upload(bob))));
        URI bobPostUri = URI.create(node.api(bob).get("/api/v1/statuses/" + bobPost).path("uri"));
        Status reply = remotePost(round + "-reply", "<p>agreed</p>", bobPostUri, Visibility.ORGANIZATION, List.of(),
                List.of());
        remoteImage(reply);
        Status question = remotePost(round + "-poll", "<p>lunch?</p>", null, Visibility.ORGANIZATION, List.of(),
                List.of());
        database().inTransactionVoid(connection -> new PollStore().insertIfAbsent(connection, new Poll(question.id(),
                false, Instant.now().plusSeconds(3600), false, 2, List.of(new Poll.Option("pizza", 2),
                        new Poll.Option("salad", 0)))));
        post(bob, Map.of("status", "which day? " + round, "poll", Map.of("options", List.of("mon", "tue"),
                "expires_in", 3600)));
        post(bob, Map.of("status", "@carol for followers " + round, "visibility", "private"));
        post(bob, Map.of("status", "@alice just you " + round, "visibility", "direct"));
        String carols = post(carol, Map.of("status", "carol's news " + round));
        node.api(bob).post("/api/v1/statuses/" + carols + "/reblog").then().statusCode(200);
        post(alice, Map.of("status", "thanks " + round, "in_reply_to_id", bobPost));
        node.api(alice).post("/api/v1/statuses/" + named.id() + "/favourite").then().statusCode(200);
        node.api(alice).post("/api/v1/statuses/" + named.id() + "/reblog").then().statusCode(200);
    }

    private static String post(String token, Map<String, Object> body) {
        return node.api(token).contentType(ContentType.JSON).body(body).post("/api/v1/statuses").then()
                .statusCode(200).extract().path("id");
    }

    private static String upload(String token) {
        return node.api(token).multiPart("file", "chart.png", TestFiles.png(6, 4), "image/png")
                .multiPart("description", "a chart").post("/api/v2/media").then().statusCode(200).extract()
                .path("id");
    }

    /** dave on sales.example, with a profile, followed by alice (accepted), as if learnt from his node. */
    private static Account remoteColleague() {
        URI actor = URI.create("https://sales.example/users/dave");
        Account account = new Account(remoteId(), "dave", "sales.example", actor, "Dave", "<p>sales</p>",
                URI.create(actor + "/inbox"), URI.create("https://sales.example/inbox"),
                URI.create(actor + "/followers"), false, Role.EMPLOYEE, false, Instant.now());
        database().inTransactionVoid(connection -> {
            new AccountStore().insert(connection, account);
            new ProfileStore().save(connection, account.id(), new Profile("Sales", "Account manager", "Lyon",
                    Optional.of(URI.create("https://sales.example/avatars/dave.png")), Optional.empty()),
                    Instant.now());
            new FollowStore(database()).insert(connection, new Follow(remoteId(), aliceAccount.id(), account.id(),
                    URI.create("http://127.0.0.1/follows/dave"), FollowState.ACCEPTED, Instant.now()));
        });
        return account;
    }

    /** A post of dave's as the inbox would have stored it, in alice's home feed. */
    private static Status remotePost(String name, String html, URI inReplyTo, Visibility visibility,
            List<Long> mentioned, List<String> tags) {
        Status status = new Status(remoteId(), URI.create(dave.uri() + "/statuses/" + name), dave.id(), visibility,
                html, inReplyTo, false, Instant.now());
        database().inTransactionVoid(connection -> {
            new StatusStore().insertIfAbsent(connection, status);
            new StatusRecipientStore().replace(connection, status.id(),
                    mentioned.stream().map(id -> new Recipient(id, true)).toList());
            new StatusTagStore().replace(connection, status.id(), tags);
            new HomeFeedStore().add(connection, aliceAccount.id(), status.id());
        });
        return status;
    }

    private static void remoteImage(Status status) {
        database().inTransactionVoid(connection -> new MediaStore().insert(connection, new MediaAttachment(remoteId(),
                dave.id(), null, MediaKind.IMAGE, "image/png", 0, "a photo", 8, 6, null, status.id(),
                URI.create("https://sales.example/media/" + status.id() + ".png"), Instant.now())));
    }

    /**
     * A time-ordered id like the node's, in the upper half of the millisecond's sequence, which the node's
     * own generator does not reach, so the two never collide.
     */
    private static long remoteId() {
        long candidate = (System.currentTimeMillis() << 16) + 0x8000;
        return remoteIds.updateAndGet(previous -> Math.max(previous + 1, candidate));
    }

    private static Database database() {
        return node.assembly().database();
    }
}
