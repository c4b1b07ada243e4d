package org.tributary.spec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tributary.spec.conformance.Responses.assertStatus;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.testing.TestActor;
import org.tributary.federation.testing.TestPeerServer;
import org.tributary.node.testing.Eventually;

/**
 * De-duplication by activity id (DESIGN §3 step 5): a replayed activity is acknowledged like the first
 * copy (202, so an honest peer's retry does not look like a failure) and applied once. A Follow applied
 * twice would be answered with two Accepts (the node re-answers a repeated Follow on purpose), so the
 * Accepts the peer receives show how often it was applied.
 */
class InboxReplayTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static NodeUnderTest rig;

    @BeforeAll
    static void start() {
        rig = NodeUnderTest.start("inbox-replay", "bob", "ann");
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void aReplayedFollowIsAcknowledgedTwiceAndAppliedOnce() throws InterruptedException {
        TestActor carol = rig.peer().actor("carol");
        TestActor dave = rig.peer().actor("dave");
        URI followId = rig.peerActivityId();
        byte[] follow = Activities.bytes(Activities.follow(followId, carol.id(), rig.employee("bob")));

        HttpResponse<String> first = rig.http().post(rig.sharedInbox(), follow, carol.signingKey(),
                SignatureScheme.CAVAGE);
        assertStatus(first, 202);
        assertEquals("", first.body(), "202 carries no body");
        assertEquals(Optional.of("0"), first.headers().firstValue("content-length"));
        // The replay is signed afresh (and with the other scheme): only the activity id is the same.
        assertStatus(rig.http().post(rig.employee("bob").resolve("/users/bob/inbox"), follow, carol.signingKey(),
                SignatureScheme.RFC9421), 202);
        // A later activity: the inbox handles activities in order, so once it is answered, a second copy
        // of Carol's Follow would have been handled too.
        assertStatus(rig.http().post(rig.sharedInbox(), Activities.bytes(Activities.follow(rig.peerActivityId(),
                dave.id(), rig.employee("ann"))), dave.signingKey(), SignatureScheme.CAVAGE), 202);

        Eventually.await("the Accepts of both follows", WAIT,
                () -> !acceptsOf(followId).isEmpty() && !acceptsTo(dave).isEmpty());
        Thread.sleep(500); // deliveries run in parallel: give a second Accept, if any, time to arrive
        assertEquals(1, acceptsOf(followId).size(), () -> "Accepts: " + rig.peer().posted("Accept"));

        String token = rig.node().login("bob");
        int followers = rig.node().api(token).queryParam("acct", "bob").get("/api/v1/accounts/lookup").then()
                .statusCode(200).extract().path("followers_count");
        assertEquals(1, followers);
        JsonObject collection = Responses.assertActivityJson(rig.http().get(rig.employee("bob").resolve(
                "/users/bob/followers"), carol.signingKey(), SignatureScheme.CAVAGE));
        assertEquals(List.of(carol.id().toString()), collection.getJsonArray("orderedItems")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }

    private static List<TestPeerServer.Received> acceptsOf(URI followId) {
        return rig.peer().posted("Accept").stream()
                .filter(request -> followId.toString().equals(objectId(JsonBodies.parse(request.body()))))
                .toList();
    }

    private static List<TestPeerServer.Received> acceptsTo(TestActor actor) {
        return rig.peer().posted("Accept").stream()
                .filter(request -> request.target().getPath().equals(actor.id().getPath() + "/inbox")).toList();
    }

    /** The id of an activity's object, embedded or referenced. */
    static String objectId(JsonObject activity) {
        var object = activity.get("object");
        if (object instanceof JsonString reference) {
            return reference.getString();
        }
        return object == null ? null : object.asJsonObject().getString("id", null);
    }
}
