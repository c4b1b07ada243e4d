package org.tributary.node.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * {@code /api/v2/search} on three real nodes (finance: alice, ann, amy; sales: bob, bea; hr: carol):
 * words, people and hashtags; every visibility level searched by people who may and may not read the
 * post; edits and deletions; resolving handles and URLs on peers.
 */
class SearchAcrossNodesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestNode finance;
    private static TestNode sales;
    private static TestNode hr;
    private static String alice;
    private static String ann;
    private static String amy;
    private static String bob;
    private static String bea;
    private static String carol;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        hr = TestNode.start("hr");
        finance.allow(sales, hr);
        sales.allow(finance, hr);
        hr.allow(finance, sales);
        Stream.of("alice", "ann", "amy").forEach(finance::addEmployee);
        Stream.of("bob", "bea").forEach(sales::addEmployee);
        hr.addEmployee("carol");
        alice = finance.login("alice");
        ann = finance.login("ann");
        amy = finance.login("amy");
        bob = sales.login("bob");
        bea = sales.login("bea");
        carol = hr.login("carol");
        // bob follows alice, so her organization and followers posts reach sales.
        String aliceOnSales = sales.api(bob).queryParam("acct", "alice@" + finance.authority())
                .get("/api/v1/accounts/lookup").then().statusCode(200).extract().path("id");
        sales.api(bob).post("/api/v1/accounts/" + aliceOnSales + "/follow").then().statusCode(200);
        Eventually.await("bob follows alice", WAIT, () -> finance.api(alice)
                .get("/api/v1/accounts/" + id(finance, alice, "alice") + "/followers").jsonPath()
                .getList("acct").contains("bob@" + sales.authority()));
    }

    @AfterAll
    static void stopNodes() {
        Stream.of(finance, sales, hr).forEach(TestNode::close);
    }

    @Test
    void aPostIsFoundOnlyByThoseWhoMayReadItOnEveryNode() {
        String organization = post(finance, alice, "Zebrafish budget for everyone", "public");
        String followers = post(finance, alice, "Zebrafish budget for followers", "private");
        String direct = post(finance, alice, "@ann zebrafish budget just for you", "direct");
        String department = post(finance, alice, "Zebrafish budget for finance only", "local");

        assertEquals(sorted(List.of(organization, followers, direct, department)), sorted(statusUris(finance, alice, "zebrafish")));
        assertEquals(sorted(List.of(organization, direct, department)), sorted(statusUris(finance, ann, "zebrafish")));
        assertEquals(sorted(List.of(organization, department)), sorted(statusUris(finance, amy, "zebrafish")));

        Eventually.await("alice's posts reach sales", WAIT, () -> statusUris(sales, bob, "zebrafish").size() == 2);
        assertEquals(sorted(List.of(organization, followers)), sorted(statusUris(sales, bob, "zebrafish")));
        assertEquals(List.of(organization), statusUris(sales, bea, "zebrafish"), "bea does not follow alice");
        assertEquals(List.of(), statusUris(hr, carol, "zebrafish"), "nothing reached hr");
    }

    @Test
    void aBurstOfPostsIsSearchableAsSoonAsEachPostIsMade() throws Exception {
        int count = 60;
        ExecutorService posters = Executors.newFixedThreadPool(6);
        List<Future<List<String>>> found = new ArrayList<>();
        List<String> posted = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            for (int i = 0; i < count; i++) {
                String item = "item" + i;
                found.add(posters.submit(() -> {
                    String uri = post(finance, alice, "Gannet burst " + item, "public");
                    posted.add(uri);
                    return List.of(uri, String.join(",", statusUris(finance, alice, "gannet " + item)));
                }));
            }
            for (Future<List<String>> each : found) {
                List<String> postedAndFound = each.get();
                assertEquals(postedAndFound.get(0), postedAndFound.get(1), "found by a search right after posting");
            }
        } finally {
            posters.shutdownNow();
        }
        assertEquals(count, posted.size());
        assertEquals(SearchService.MAX_LIMIT, search(finance, alice, Map.of("q", "gannet burst", "type", "statuses",
                "limit", "40")).getList("statuses").size());
    }

    @Test
    void hashtagsAreOfferedOnlyFromPostsTheViewerMayRead() {
        post(finance, alice, "Plans #Quokkaplan", "private");
        post(finance, alice, "@ann the #QuokkaSecret", "direct");
        post(finance, alice, "Open #QuokkaOpen", "public");

        assertEquals(List.of("quokkaopen", "quokkaplan", "quokkasecret"), tags(finance, alice, "#quokka"));
        assertEquals(List.of("quokkaopen", "quokkasecret"), tags(finance, ann, "quokka"));
        assertEquals(List.of("quokkaopen"), tags(finance, amy, "#Quokka"));
        JsonPath hashtag = search(finance, amy, Map.of("q", "#quokka", "type", "hashtags"));
        assertEquals(finance.baseUrl() + "/tags/quokkaopen", hashtag.getString("hashtags[0].url"));
        assertEquals(List.of(), hashtag.getList("statuses"), "type limits the results");
    }

    @Test
    void peopleAreFoundByHandleNameAndProfileButNotOnceSuspended() {
        finance.api(amy).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("display_name", "Amélie Martin")
                .formParam("department", "Treasury").formParam("title", "Controller")
                .patch("/api/v1/accounts/update_credentials").then().statusCode(200);
        assertEquals(List.of("amy"), accounts(finance, alice, "amelie"), "accents fold");
        assertEquals(List.of("amy"), accounts(finance, alice, "treas contr"), "prefixes of every word");
        assertEquals(List.of("amy"), accounts(finance, alice, "@amy"));
        assertEquals(List.of(), accounts(finance, alice, "_instance"));

        finance.assembly().accountAdministration().suspend("test", Long.parseLong(id(finance, alice, "amy")));
        try {
            assertEquals(List.of(), accounts(finance, alice, "treasury"));
        } finally {
            finance.assembly().accountAdministration().unsuspend("test", Long.parseLong(id(finance, alice, "amy")));
        }
        assertEquals(List.of("amy"), accounts(finance, alice, "treasury"));
    }

    @Test
    void editsAndDeletionsReachTheIndexOnBothNodes() {
        String uri = post(finance, alice, "Capybara forecast", "public");
        String id = search(finance, alice, Map.of("q", "capybara")).getString("statuses[0].id");
        Eventually.await("the post reaches sales", WAIT, () -> statusUris(sales, bob, "capybara").contains(uri));

        finance.api(alice).contentType(ContentType.JSON).body(Map.of("status", "Axolotl forecast"))
                .put("/api/v1/statuses/" + id).then().statusCode(200);
        assertEquals(List.of(), statusUris(finance, alice, "capybara"));
        assertEquals(List.of(uri), statusUris(finance, alice, "axolotl"));
        Eventually.await("the edit reaches sales", WAIT, () -> statusUris(sales, bob, "axolotl").contains(uri)
                && statusUris(sales, bob, "capybara").isEmpty());

        finance.api(alice).delete("/api/v1/statuses/" + id).then().statusCode(200);
        assertEquals(List.of(), statusUris(finance, alice, "axolotl"));
        Eventually.await("the deletion reaches sales", WAIT, () -> statusUris(sales, bob, "axolotl").isEmpty());
    }

    @Test
    void resolveFetchesHandlesAndUrlsFromPeers() {
        String handle = "carol@" + hr.authority();
        assertEquals(List.of(), search(finance, alice, Map.of("q", handle, "type", "accounts")).getList("accounts"));
        assertEquals(List.of(handle), search(finance, alice, Map.of("q", handle, "type", "accounts",
                "resolve", "true")).getList("accounts.acct"));

        String remotePost = post(hr, carol, "Okapi onboarding notes", "public");
        assertEquals(List.of(), statusUris(finance, alice, "okapi"), "nobody on finance follows carol");
        assertEquals(List.of(remotePost), search(finance, alice, Map.of("q", remotePost, "resolve", "true"))
                .getList("statuses.uri"));
        assertEquals(List.of(remotePost), statusUris(finance, alice, "okapi"), "now held, and indexed");

        String privatePost = post(hr, carol, "Okapi private notes", "private");
        assertEquals(List.of(), search(finance, alice, Map.of("q", privatePost, "resolve", "true"))
                .getList("statuses"), "a followers-only post is not served to a stranger's node");
        assertEquals(List.of(), search(finance, alice, Map.of("q", "https://elsewhere.example/users/x",
                "resolve", "true")).getList("accounts"), "not an allowlisted peer");
    }

    @Test
    void badParametersAreClearErrors() {
        finance.anonymous().queryParam("q", "x").get("/api/v2/search").then().statusCode(401);
        finance.api(alice).get("/api/v2/search").then().statusCode(400);
        finance.api(alice).queryParam("q", "x").queryParam("type", "people").get("/api/v2/search").then()
                .statusCode(400);
        JsonPath odd = search(finance, alice, Map.of("q", "\"unbalanced ( -quote*"));
        assertEquals(List.of(), odd.getList("statuses"));
    }

    @Test
    void blocksHidePeopleAndTheirPostsBothWays() {
        finance.addEmployee("blair");
        String blair = finance.login("blair");
        finance.addEmployee("bram");
        String bram = finance.login("bram");
        String post = post(finance, blair, "Narwhal sighting", "public");
        assertEquals(List.of(post), statusUris(finance, bram, "narwhal"));
        finance.api(bram).post("/api/v1/accounts/" + id(finance, bram, "blair") + "/block").then().statusCode(200);

        assertEquals(List.of(), statusUris(finance, bram, "narwhal"));
        assertEquals(List.of(), accounts(finance, bram, "blair"));
        assertEquals(List.of(), accounts(finance, blair, "bram"), "the blocked one does not find the blocker");
        assertEquals(List.of(post), statusUris(finance, alice, "narwhal"), "others still do");
    }

    private static String post(TestNode node, String token, String text, String visibility) {
        return node.api(token).contentType(ContentType.JSON).body(Map.of("status", text, "visibility", visibility))
                .post("/api/v1/statuses").then().statusCode(200).extract().path("uri");
    }

    private static JsonPath search(TestNode node, String token, Map<String, String> params) {
        return node.api(token).queryParams(params).get("/api/v2/search").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> statusUris(TestNode node, String token, String q) {
        return search(node, token, Map.of("q", q, "type", "statuses")).getList("statuses.uri");
    }

    private static List<String> tags(TestNode node, String token, String q) {
        return sorted(search(node, token, Map.of("q", q, "type", "hashtags")).getList("hashtags.name"));
    }

    private static List<String> accounts(TestNode node, String token, String q) {
        return search(node, token, Map.of("q", q, "type", "accounts")).getList("accounts.acct");
    }

    private static String id(TestNode node, String token, String acct) {
        return node.api(token).queryParam("acct", acct).get("/api/v1/accounts/lookup").then().statusCode(200)
                .extract().path("id");
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
