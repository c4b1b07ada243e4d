package org.tributary.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestNode;

/** The read side of the client API on one node: account lists, node timelines, markers, settings. */
class ClientApiBreadthTest {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static TestNode node;
    private static String alice;
    private static String bob;
    private static String aliceId;

    @BeforeAll
    static void start() {
        node = TestNode.start("breadth");
        node.addEmployee("alice");
        node.addEmployee("bob");
        alice = node.login("alice");
        bob = node.login("bob");
        aliceId = node.api(alice).get("/api/v1/accounts/verify_credentials").path("id");
        post(alice, "for the organization", "public");
        post(alice, "for the department", "local");
        post(alice, "for followers", "private");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String post(String token, String text, String visibility) {
        return node.api(token).contentType(ContentType.JSON)
                .body("{\"status\":\"" + text + "\",\"visibility\":\"" + visibility + "\"}").post("/api/v1/statuses")
                .then().statusCode(200).extract().path("id");
    }

    private static List<String> contents(Response response) {
        response.then().statusCode(200);
        return response.path("content");
    }

    @Test
    void accountStatusesShowWhatTheViewerMaySee() {
        assertEquals(List.of("<p>for followers</p>", "<p>for the department</p>", "<p>for the organization</p>"),
                contents(node.api(alice).get("/api/v1/accounts/" + aliceId + "/statuses")));
        assertEquals(List.of("<p>for the department</p>", "<p>for the organization</p>"),
                contents(node.api(bob).get("/api/v1/accounts/" + aliceId + "/statuses")));
        assertEquals(List.of(), contents(node.api(bob).queryParam("pinned", "true")
                .get("/api/v1/accounts/" + aliceId + "/statuses")));
    }

    @Test
    void accountStatusesArePagedWithLinkHeaders() {
        Response first = node.api(alice).queryParam("limit", 2).get("/api/v1/accounts/" + aliceId + "/statuses");
        assertEquals(2, contents(first).size());
        Matcher next = NEXT.matcher(first.header("Link"));
        assertTrue(next.find(), first.header("Link"));
        assertTrue(first.header("Link").contains("rel=\"prev\""));
        Response second = node.api(alice).get(next.group(1));
        assertEquals(List.of("<p>for the organization</p>"), contents(second));
    }

    @Test
    void organizationAndDepartmentTimelines() {
        List<String> organization = contents(node.api(bob).get("/api/v1/timelines/public"));
        assertTrue(organization.contains("<p>for the organization</p>"), organization.toString());
        assertTrue(!organization.contains("<p>for the department</p>"), organization.toString());
        List<String> department = contents(node.api(bob).queryParam("local", "true").get("/api/v1/timelines/public"));
        assertTrue(department.containsAll(List.of("<p>for the organization</p>", "<p>for the department</p>")));
        assertTrue(!department.contains("<p>for followers</p>"));
        assertEquals(List.of(), contents(node.api(bob).get("/api/v1/timelines/tag/tributary")));
        node.anonymous().get("/api/v1/timelines/public").then().statusCode(401);
    }

    @Test
    void followersAndFollowingArePaged() {
        node.addEmployee("carol");
        node.addEmployee("dave");
        String carol = node.login("carol");
        String dave = node.login("dave");
        node.api(carol).post("/api/v1/accounts/" + aliceId + "/follow").then().statusCode(200);
        node.api(dave).post("/api/v1/accounts/" + aliceId + "/follow").then().statusCode(200);
        Response first = node.api(bob).queryParam("limit", 1).get("/api/v1/accounts/" + aliceId + "/followers");
        assertEquals(List.of("dave"), first.path("username"));
        Matcher next = NEXT.matcher(first.header("Link"));
        assertTrue(next.find());
        assertEquals(List.of("carol"), node.api(bob).get(next.group(1)).path("username"));
        String carolId = node.api(carol).get("/api/v1/accounts/verify_credentials").path("id");
        assertEquals(List.of("alice"),
                node.api(bob).get("/api/v1/accounts/" + carolId + "/following").path("username"));
        assertEquals(List.of(), node.api(alice).get("/api/v1/follow_requests").path("id"));
    }

    @Test
    void markersAreSavedAndVersioned() {
        node.api(alice).contentType(ContentType.URLENC).formParam("home[last_read_id]", "12345")
                .post("/api/v1/markers").then().statusCode(200);
        Response saved = node.api(alice).contentType(ContentType.JSON).body("{\"home\":{\"last_read_id\":\"12346\"}}")
                .post("/api/v1/markers");
        assertEquals("12346", saved.path("home.last_read_id"));
        Response read = node.api(alice).queryParam("timeline[]", "home").queryParam("timeline[]", "notifications")
                .get("/api/v1/markers");
        assertEquals(2, (int) read.path("home.version"));
        assertNull(read.path("notifications"));
        assertEquals("missing_marker", node.api(alice).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/markers").path("code"));
    }

    @Test
    void settingsClientsReadAtStartUp() {
        assertEquals(List.of(), node.anonymous().get("/api/v1/custom_emojis").then().statusCode(200).extract()
                .path("$"));
        assertEquals(List.of(), node.api(alice).get("/api/v1/filters").path("$"));
        assertEquals(List.of(), node.api(alice).get("/api/v2/filters").path("$"));
        assertEquals("public", node.api(alice).get("/api/v1/preferences").path("'posting:default:visibility'"));
        Response instance = node.anonymous().get("/api/v2/instance");
        instance.then().statusCode(200);
        assertEquals(node.authority(), instance.path("domain"));
        assertEquals(5000, (int) instance.path("configuration.statuses.max_characters"));
        node.anonymous().get("/api/v1/instance").then().statusCode(200);
    }

    @Test
    void profileUpdateTakesMultipartAndEscapesTheNote() {
        node.addEmployee("erin");
        String erin = node.login("erin");
        Response updated = node.api(erin).multiPart("display_name", "Erin \u0007E.")
                .multiPart("note", "<b>hello</b> & welcome").patch("/api/v1/accounts/update_credentials");
        updated.then().statusCode(200);
        assertEquals("Erin E.", updated.path("display_name"));
        assertEquals("<p>&lt;b&gt;hello&lt;/b&gt; &amp; welcome</p>", updated.path("note"));
        Response json = node.api(erin).contentType(ContentType.JSON).body("{\"display_name\":\"Erin\"}")
                .patch("/api/v1/accounts/update_credentials");
        assertEquals("Erin", json.path("display_name"));
        assertEquals("<p>&lt;b&gt;hello&lt;/b&gt; &amp; welcome</p>", json.path("note"));
        Response tooLong = node.api(erin).contentType(ContentType.URLENC).formParam("display_name", "x".repeat(31))
                .patch("/api/v1/accounts/update_credentials");
        tooLong.then().statusCode(422);
        assertEquals("display_name_too_long", tooLong.path("code"));
    }
}
