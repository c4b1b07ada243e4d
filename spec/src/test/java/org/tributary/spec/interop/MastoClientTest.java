package org.tributary.spec.interop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tributary.node.testing.TestNode;

/**
 * Two nodes driven through their client API by masto, an independent Mastodon client library
 * ({@code interop/masto-client/scenario.mjs}): app registration, login with the authorization code
 * grant and PKCE, posting, following a colleague on the other node, the home timeline, a reply,
 * profile update and revocation. Steps for features the node does not have yet are expected to answer
 * 404; when such a feature lands, move its step from {@link Expectation#NOT_YET} to
 * {@link Expectation#WORKS} in {@link #EXPECTED}.
 */
class MastoClientTest {
    /** What a step of the scenario must do today. */
    enum Expectation {
        /** The step succeeds. */
        WORKS,
        /** The endpoint does not exist yet: masto gets a 404. */
        NOT_YET
    }

    private static final Map<String, Expectation> EXPECTED = new LinkedHashMap<>();

    static {
        for (String step : List.of("app", "login", "verify_app", "verify_account", "instance_v2", "login_b", "post",
                "lookup", "follow", "relationship", "colleague_post", "home", "reply", "account_statuses",
                "department_timeline", "tag_timeline", "update_credentials", "favourite", "revoke")) {
            EXPECTED.put(step, Expectation.WORKS);
        }
        EXPECTED.put("search", Expectation.WORKS);
    }

    private static TestNode engineering;
    private static TestNode sales;
    private static JsonObject steps;

    @BeforeAll
    static void runScenario() {
        engineering = TestNode.start("masto-engineering");
        sales = TestNode.start("masto-sales");
        engineering.allow(sales);
        sales.allow(engineering);
        engineering.addEmployee("alice");
        sales.addEmployee("bob");
        steps = MastoScenario.run(engineering, "alice", sales, "bob");
        System.out.println("masto scenario: " + steps);
    }

    @AfterAll
    static void stop() {
        if (engineering != null) {
            engineering.close();
        }
        if (sales != null) {
            sales.close();
        }
    }

    @Test
    void everyStepAnswersAsExpected() {
        assertEquals(EXPECTED.keySet(), steps.keySet(), "the scenario's steps and this test's table differ");
        assertAll(EXPECTED.entrySet().stream().map(entry -> (Executable) () -> {
            JsonObject step = steps.getJsonObject(entry.getKey());
            if (entry.getValue() == Expectation.WORKS) {
                assertTrue(step.getBoolean("ok"), entry.getKey() + " should work: " + step);
            } else {
                assertEquals(404, step.isNull("status") ? -1 : step.getInt("status"),
                        entry.getKey() + " should not exist yet (404); if it works now, mark it WORKS: " + step);
            }
        }));
    }

    @Test
    void loginGrantsTheRequestedScopesThroughTheAuthorizationCodeFlow() {
        assertEquals("masto scenario", step("app").getString("name"));
        assertTrue(step("app").getBoolean("hasSecret"));
        assertEquals("follow read write", step("login").getString("scope"));
        assertEquals("masto scenario", step("verify_app").getString("name"));
        assertEquals("alice", step("verify_account").getString("username"));
        assertEquals(engineering.authority(), step("instance_v2").getString("domain"));
    }

    @Test
    void aLikeThroughTheClientLibraryComesBackAsFavourited() {
        assertTrue(step("favourite").getBoolean("favourited"));
    }

    @Test
    void followingAColleagueOnTheOtherNodeBringsTheirPostsHome() {
        assertEquals("bob@" + sales.authority(), step("lookup").getString("acct"));
        assertTrue(step("relationship").getBoolean("following"));
        assertEquals("bob@" + sales.authority(), step("home").getString("author"));
    }

    @Test
    void postsShowUpWhereMastodonClientsLookForThem() {
        assertEquals("public", step("post").getString("visibility"));
        assertTrue(step("account_statuses").getBoolean("includesPost"));
        assertTrue(step("department_timeline").getBoolean("includesPost"));
        // No post carries hashtags yet; once hashtags are recorded, only the scenario's own post may appear.
        Set<String> tagged = step("tag_timeline").getJsonArray("ids").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet());
        assertTrue(Set.of(step("post").getString("id")).containsAll(tagged), tagged.toString());
    }

    @Test
    void replyIsAcceptedAndThreadedOnlyUnderItsParent() {
        JsonObject reply = step("reply");
        assertTrue(reply.getBoolean("ok"));
        // Threading (in_reply_to_id) arrives with the posting feature: until then the field is null.
        JsonValue parent = reply.get("inReplyToId");
        assertTrue(parent.getValueType() == JsonValue.ValueType.NULL
                || reply.getString("inReplyToId").equals(reply.getString("parentId")), reply.toString());
    }

    @Test
    void profileUpdateIsEscapedAndRevokedTokenStopsWorking() {
        assertEquals("Alice M.", step("update_credentials").getString("displayName"));
        assertEquals("<p>Writes &lt;b&gt;code&lt;/b&gt;</p>", step("update_credentials").getString("note"));
        assertEquals(401, step("revoke").getInt("statusAfter"));
    }

    private static JsonObject step(String name) {
        return steps.getJsonObject(name);
    }
}
