package org.tributary.node.social;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Locked accounts, follow requests, removing a follower, blocks and mutes between two real nodes. Each
 * test uses its own employees, so the tests do not depend on each other's order.
 */
class RelationshipsAcrossNodesTest {
    private static TestNode finance;
    private static TestNode sales;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        finance.allow(sales);
        sales.allow(finance);
    }

    @AfterAll
    static void stopNodes() {
        Stream.of(finance, sales).forEach(TestNode::close);
    }

    private static Member employee(TestNode node, String username) {
        node.addEmployee(username);
        return Member.of(node, username);
    }

    @Test
    void aLockedAccountAuthorizesOneRequestAndRejectsAnother() {
        Member lena = employee(finance, "lena");
        Member sam = employee(sales, "sam");
        Member sid = employee(sales, "sid");
        JsonPath locked = lena.node.api(lena.token).contentType(ContentType.URLENC).formParam("locked", "true")
                .patch("/api/v1/accounts/update_credentials").then().statusCode(200).extract().jsonPath();
        assertTrue(locked.getBoolean("locked"));

        sam.accountAction(lena.handle(), "follow");
        sid.accountAction(lena.handle(), "follow");
        lena.awaitNotification("follow_request", sam.handle());
        lena.awaitNotification("follow_request", sid.handle());
        assertTrue(sam.relationship(lena.handle()).getBoolean("requested"));
        List<String> requests = lena.node.api(lena.token).get("/api/v1/follow_requests").then().statusCode(200)
                .extract().jsonPath().getList("acct");
        assertTrue(requests.containsAll(List.of(sam.handle(), sid.handle())), requests.toString());
        assertTrue(lena.relationship(sam.handle()).getBoolean("requested_by"));

        JsonPath authorized = lena.action("/api/v1/follow_requests/" + lena.accountId(sam.handle()) + "/authorize")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(authorized.getBoolean("followed_by"));
        sam.awaitRelationship(lena.handle(), "following", true);

        lena.action("/api/v1/follow_requests/" + lena.accountId(sid.handle()) + "/reject").then().statusCode(200);
        sid.awaitRelationship(lena.handle(), "requested", false);
        assertFalse(sid.relationship(lena.handle()).getBoolean("following"));
        List<String> left = lena.node.api(lena.token).get("/api/v1/follow_requests").then().statusCode(200)
                .extract().jsonPath().getList("acct");
        assertTrue(left.isEmpty(), left.toString());
        lena.action("/api/v1/follow_requests/" + lena.accountId(sid.handle()) + "/authorize").then().statusCode(404);
    }

    @Test
    void removingAFollowerEndsTheFollowOnTheirNode() {
        Member rita = employee(finance, "rita");
        Member ray = employee(sales, "ray");
        ray.follow(rita.handle());
        assertTrue(rita.relationship(ray.handle()).getBoolean("followed_by"));

        JsonPath removed = rita.accountAction(ray.handle(), "remove_from_followers");
        assertFalse(removed.getBoolean("followed_by"));
        ray.awaitRelationship(rita.handle(), "following", false);
    }

    @Test
    void aBlockEndsFollowsBothWaysAndShutsTheBlockedAccountOut() {
        Member bella = employee(finance, "bella");
        Member frida = employee(finance, "frida");
        Member basil = employee(sales, "basil");
        basil.follow(bella.handle());
        bella.follow(basil.handle());
        JsonPath before = bella.post("Before the block", "public");
        String copy = basil.awaitLocalId(before.getString("uri"));

        JsonPath blocked = bella.accountAction(basil.handle(), "block");
        assertTrue(blocked.getBoolean("blocking"));
        assertFalse(blocked.getBoolean("following"));
        assertFalse(blocked.getBoolean("followed_by"));
        basil.awaitRelationship(bella.handle(), "blocked_by", true);
        assertFalse(basil.relationship(bella.handle()).getBoolean("following"));
        List<String> blocks = bella.node.api(bella.token).get("/api/v1/blocks").then().statusCode(200).extract()
                .jsonPath().getList("acct");
        assertEquals(List.of(basil.handle()), blocks);

        // Through this node (AP GET signed as basil) and through his own node's API: none of bella's posts.
        JsonPath after = bella.post("After the block", "public");
        FetchResult fetched = sales.assembly().fetchAs("basil", URI.create(after.getString("uri")));
        assertInstanceOf(FetchResult.Failed.class, fetched, fetched::toString);
        assertTrue(((FetchResult.Failed) fetched).detail().contains("404"), fetched.toString());
        FetchResult outbox = sales.assembly().fetchAs("basil", URI.create(finance.actorUri("bella") + "/outbox"));
        assertFalse(String.valueOf(((FetchResult.Fetched) outbox).document()).contains("After the block"));
        basil.action("/api/v1/statuses/" + copy + "/favourite").then().statusCode(404);
        basil.node.api(basil.token).get("/api/v1/statuses/" + copy).then().statusCode(404);
        basil.action("/api/v1/accounts/" + basil.accountId(bella.handle()) + "/follow").then().statusCode(403)
                .body("code", equalTo("blocked"));

        // His mentions no longer reach her; they still reach a colleague who did not block him.
        JsonPath mention = basil.post("Hello @" + bella.handle() + " and @" + frida.handle(), "public");
        frida.awaitNotification("mention", basil.handle());
        assertTrue(Member.first(bella.notifications(), n -> basil.handle().equals(Member.acctOf(n))).isEmpty());
        assertTrue(Member.first(bella.home(), s -> mention.getString("uri").equals(s.get("uri"))).isEmpty());

        JsonPath unblocked = bella.accountAction(basil.handle(), "unblock");
        assertFalse(unblocked.getBoolean("blocking"));
        basil.awaitRelationship(bella.handle(), "blocked_by", false);
        basil.follow(bella.handle());
    }

    @Test
    void aMuteHidesPostsAndNotificationsForTheMuterOnly() {
        Member mona = employee(finance, "mona");
        Member max = employee(finance, "max");
        Member moe = employee(sales, "moe");
        mona.follow("max");
        mona.follow(moe.handle());
        JsonPath muted = mona.accountAction(moe.handle(), "mute");
        assertTrue(muted.getBoolean("muting"));
        assertTrue(muted.getBoolean("muting_notifications"));
        assertTrue(muted.getBoolean("following"), "a mute is no unfollow");
        List<String> mutes = mona.node.api(mona.token).get("/api/v1/mutes").then().statusCode(200).extract()
                .jsonPath().getList("acct");
        assertEquals(List.of(moe.handle()), mutes);

        JsonPath hidden = moe.post("Muted words from @" + mona.handle(), "public");
        JsonPath shown = max.post("Still here @mona", "public");
        mona.awaitNotification("mention", "max");
        Eventually.await("moe's post to arrive at finance", Member.WAIT, () -> mona.node.api(mona.token)
                .get("/api/v1/timelines/public").then().extract().jsonPath().getList("uri")
                .contains(hidden.getString("uri")));
        List<Object> home = mona.home().stream().map(status -> status.get("uri")).map(Object.class::cast).toList();
        assertTrue(home.contains(shown.getString("uri")));
        assertFalse(home.contains(hidden.getString("uri")), home.toString());
        assertTrue(Member.first(mona.notifications(), n -> moe.handle().equals(Member.acctOf(n))).isEmpty());
        assertFalse(moe.relationship(mona.handle()).getBoolean("blocked_by"), "a mute never leaves the node");

        mona.accountAction(moe.handle(), "unmute");
        assertTrue(mona.home().stream().map(status -> status.get("uri")).toList().contains(hidden.getString("uri")));
        mona.awaitNotification("mention", moe.handle());
    }
}
