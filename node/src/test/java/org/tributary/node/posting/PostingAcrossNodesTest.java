package org.tributary.node.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Posting across three real nodes (finance: alice, ann; sales: bob, bea; hr: carol): visibility and
 * addressing, mentions and hashtags, content warnings and language, replies and threads (with a
 * missing ancestor fetched from its node), edits and deletions, and the notifications they cause.
 */
class PostingAcrossNodesTest {
    private static TestNode finance;
    private static TestNode sales;
    private static TestNode hr;
    private static Api alice;
    private static Api ann;
    private static Api bob;
    private static Api bea;
    private static Api carol;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        hr = TestNode.start("hr");
        finance.allow(sales, hr);
        sales.allow(finance, hr);
        hr.allow(finance, sales);
        finance.addEmployee("alice");
        finance.addEmployee("ann");
        sales.addEmployee("bob");
        sales.addEmployee("bea");
        hr.addEmployee("carol");
        alice = Api.as(finance, "alice");
        ann = Api.as(finance, "ann");
        bob = Api.as(sales, "bob");
        bea = Api.as(sales, "bea");
        carol = Api.as(hr, "carol");
    }

    @AfterAll
    static void stopNodes() {
        Stream.of(finance, sales, hr).forEach(TestNode::close);
    }

    @Test
    void mentionsHashtagsContentWarningAndLanguageReachTheMentionedColleagues() {
        String bobHandle = "bob@" + sales.authority();
        JsonPath posted = alice.post(Map.of("status", "Hi @ann and @" + bobHandle + ", see https://example.com/q3. "
                + "#Budget", "visibility", "public", "spoiler_text", "numbers", "language", "en"));
        String uri = posted.getString("uri");
        assertEquals(List.of("ann", bobHandle), posted.getList("mentions.acct"));
        assertEquals(List.of("budget"), posted.getList("tags.name"));
        assertEquals(finance.baseUrl() + "/tags/budget", posted.getString("tags[0].url"));
        assertTrue(posted.getString("content").contains(
                "<a href=\"https://example.com/q3\" rel=\"nofollow noopener noreferrer\">https://example.com/q3</a>."),
                posted.getString("content"));
        assertTrue(posted.getString("content").contains("<span class=\"h-card\"><a class=\"u-url mention\" href=\""
                + sales.actorUri("bob") + "\">@bob</a></span>"), posted.getString("content"));

        Map<String, Object> local = ann.awaitNotification("mention", uri);
        assertEquals("alice", JsonPath.from(json(local)).getString("account.acct"));

        Map<String, Object> remote = bob.awaitNotification("mention", uri);
        JsonPath status = JsonPath.from(json(remote)).setRootPath("status");
        assertEquals("numbers", status.getString("spoiler_text"));
        assertEquals("en", status.getString("language"));
        assertEquals("public", status.getString("visibility"));
        assertEquals(List.of("budget"), status.getList("tags.name"));
        assertTrue(status.getList("mentions.acct").contains("bob"), status.prettify());
        bob.awaitInHome(uri); // bob does not follow alice: the mention puts it in his home timeline

        JsonObject note = fetchedBy(sales, "bob", uri);
        assertEquals("numbers", note.getString("summary"));
        assertEquals(note.getString("content"), note.getJsonObject("contentMap").getString("en"));
        assertEquals(List.of("https://www.w3.org/ns/activitystreams#Public"), strings(note.get("to")));
        assertTrue(strings(note.get("cc")).containsAll(List.of(finance.baseUrl() + "/users/alice/followers",
                sales.actorUri("bob").toString(), finance.actorUri("ann").toString())), note.toString());
        List<JsonObject> tags = note.getJsonArray("tag").getValuesAs(JsonObject.class);
        assertTrue(tags.stream().anyMatch(tag -> tag.getString("type").equals("Mention")
                && tag.getString("href").equals(sales.actorUri("bob").toString())
                && tag.getString("name").equals("@" + bobHandle)), tags.toString());
        assertTrue(tags.stream().anyMatch(tag -> tag.getString("type").equals("Hashtag")
                && tag.getString("name").equals("#budget")
                && tag.getString("href").equals(finance.baseUrl() + "/tags/budget")), tags.toString());
    }

    @Test
    void followersOnlyDirectAndDepartmentPostsGoWhereTheirVisibilitySays() {
        bea.follow("alice@" + finance.authority());
        long deliveredBefore = deliveries(finance);
        JsonPath department = alice.post(Map.of("status", "Department lunch at noon", "visibility", "local"));
        assertEquals("local", department.getString("visibility"));
        assertEquals(deliveredBefore, deliveries(finance), "a department post is never queued for delivery");
        assertEquals(200, ann.statusCode(department.getString("id")));

        JsonPath followers = alice.post(Map.of("status", "For my followers", "visibility", "private"));
        Map<String, Object> atBea = bea.awaitInHome(followers.getString("uri"));
        assertEquals("private", atBea.get("visibility"));
        assertEquals(List.of(finance.baseUrl() + "/users/alice/followers"),
                strings(fetchedBy(sales, "bea", followers.getString("uri")).get("to")));

        JsonPath direct = alice.post(Map.of("status", "@carol@" + hr.authority() + " just between us",
                "visibility", "direct"));
        Map<String, Object> atCarol = carol.awaitInHome(direct.getString("uri"));
        assertEquals("direct", atCarol.get("visibility"));
        carol.awaitNotification("mention", direct.getString("uri"));
        JsonObject note = fetchedBy(hr, "carol", direct.getString("uri"));
        assertEquals(List.of(hr.actorUri("carol").toString()), strings(note.get("to")));
        assertTrue(strings(note.get("cc")).isEmpty(), note.toString());
    }

    @Test
    void repliesThreadAcrossNodesAndAMissingAncestorIsFetched() {
        JsonPath question = alice.post(Map.of("status", "@bob@" + sales.authority() + " who has the Q3 file?",
                "visibility", "public"));
        String questionUri = question.getString("uri");
        String questionAtSales = JsonPath.from(json(bob.awaitNotification("mention", questionUri)))
                .getString("status.id");

        JsonPath answer = bob.post(Map.of("status", "I do, and @carol@" + hr.authority() + " has a copy",
                "visibility", "public", "in_reply_to_id", questionAtSales));
        assertEquals(questionAtSales, answer.getString("in_reply_to_id"));
        String answerUri = answer.getString("uri");
        assertEquals(questionUri, fetchedBy(finance, "alice", answerUri).getString("inReplyTo"));

        Map<String, Object> reply = alice.awaitNotification("reply", answerUri);
        JsonPath replyStatus = JsonPath.from(json(reply)).setRootPath("status");
        assertEquals(question.getString("id"), replyStatus.getString("in_reply_to_id"));
        assertEquals(question.getString("account.id"), replyStatus.getString("in_reply_to_account_id"));
        JsonPath context = finance.api(alice.token).get("/api/v1/statuses/" + question.getString("id") + "/context")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(answerUri), context.getList("descendants.uri"));
        assertEquals(List.of(), context.getList("ancestors"));

        // hr never saw the question: it receives the answer (carol is mentioned) and fetches its ancestor.
        String answerAtHr = JsonPath.from(json(carol.awaitNotification("mention", answerUri))).getString("status.id");
        List<String> ancestors = Eventually.await("the question fetched by hr", Api.WAIT,
                () -> hr.api(carol.token).get("/api/v1/statuses/" + answerAtHr + "/context").then().statusCode(200)
                        .extract().<List<String>>path("ancestors.uri"), uris -> !uris.isEmpty());
        assertEquals(List.of(questionUri), ancestors);
        hr.api(carol.token).get("/api/v1/statuses/" + answerAtHr).then().statusCode(200)
                .body("in_reply_to_account_id", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void editsAndDeletionsReachThePeersAndOnlyTheAuthorMayMakeThem() {
        JsonPath draft = alice.post(Map.of("status", "@bob@" + sales.authority() + " draft one", "visibility", "public"));
        String id = draft.getString("id");
        String uri = draft.getString("uri");
        String atSales = JsonPath.from(json(bob.awaitNotification("mention", uri))).getString("status.id");

        finance.api(ann.token).contentType(ContentType.JSON).body(Map.of("status", "hijacked"))
                .put("/api/v1/statuses/" + id).then().statusCode(403).body("code", org.hamcrest.Matchers.equalTo("not_author"));
        finance.api(ann.token).delete("/api/v1/statuses/" + id).then().statusCode(403);
        sales.api(bob.token).delete("/api/v1/statuses/" + atSales).then().statusCode(403);

        JsonPath edited = finance.api(alice.token).contentType(ContentType.JSON)
                .body(Map.of("status", "@bob@" + sales.authority() + " final text", "spoiler_text", "edited"))
                .put("/api/v1/statuses/" + id).then().statusCode(200).extract().jsonPath();
        assertNotNull(edited.getString("edited_at"));
        assertEquals("edited", edited.getString("spoiler_text"));
        finance.api(alice.token).get("/api/v1/statuses/" + id + "/source").then().statusCode(200)
                .body("text", org.hamcrest.Matchers.equalTo("@bob@" + sales.authority() + " final text"));
        String remoteContent = Eventually.await("the edit at sales", Api.WAIT, () -> sales.api(bob.token)
                .get("/api/v1/statuses/" + atSales).then().statusCode(200).extract().<String>path("content"),
                content -> content.contains("final text"));
        assertTrue(remoteContent.contains("u-url mention"), remoteContent);
        sales.api(bob.token).get("/api/v1/statuses/" + atSales).then()
                .body("edited_at", org.hamcrest.Matchers.notNullValue())
                .body("spoiler_text", org.hamcrest.Matchers.equalTo("edited"));
        assertNotNull(fetchedBy(sales, "bob", uri).getString("updated", null));

        finance.api(alice.token).delete("/api/v1/statuses/" + id).then().statusCode(200)
                .body("text", org.hamcrest.Matchers.equalTo("@bob@" + sales.authority() + " final text"));
        finance.api(alice.token).get("/api/v1/statuses/" + id).then().statusCode(404);
        Eventually.await("the deletion at sales", Api.WAIT, () -> bob.statusCode(atSales) == 404);
        assertTrue(bob.notifications().getList("status.uri").stream().noneMatch(uri::equals),
                "the deleted post's notification is gone");
        FetchResult gone = sales.assembly().fetchAs("bob", URI.create(uri));
        assertTrue(assertInstanceOf(FetchResult.Failed.class, gone).detail().contains("HTTP 410"), gone.toString());
    }

    @Test
    void followsNotifyTheFollowedEmployeeLocallyAndAcrossNodes() {
        Api dora = Api.as(finance, finance.addEmployee("dora").username());
        ann.follow("dora");
        Map<String, Object> local = dora.awaitNotification("follow", null);
        assertEquals("ann", JsonPath.from(json(local)).getString("account.acct"));
        carol.follow("dora@" + finance.authority());
        Eventually.await("carol's follow notified", Api.WAIT, () -> dora.notifications().getList("account.acct")
                .contains("carol@" + hr.authority()));
    }

    private static long deliveries(TestNode node) {
        return Stream.of("queued", "delivered", "dead").mapToLong(node.assembly().deliveries()::count).sum();
    }

    /** The note at {@code uri}, fetched with a signed GET by {@code username} of {@code node}. */
    static JsonObject fetchedBy(TestNode node, String username, String uri) {
        FetchResult result = node.assembly().fetchAs(username, URI.create(uri));
        return assertInstanceOf(FetchResult.Fetched.class, result, result::toString).document();
    }

    private static List<String> strings(JsonValue value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonString string) {
            return List.of(string.getString());
        }
        return value.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static String json(Map<String, Object> map) {
        return jakarta.json.Json.createObjectBuilder(map).build().toString();
    }
}
