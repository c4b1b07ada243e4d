package org.tributary.spec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.spec.conformance.Responses.assertStatus;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.signature.VerificationResult;
import org.tributary.federation.testing.TestActor;
import org.tributary.federation.testing.TestPeerServer;
import org.tributary.node.testing.Eventually;

/**
 * A peer's Follow, signed with either scheme, is accepted; the node answers it with an Accept POSTed to
 * the follower's inbox and signed with the followed employee's published key; the follower then appears in
 * the followers collection, and an Undo(Follow) takes it out again.
 */
class FollowAcceptTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static NodeUnderTest rig;

    @BeforeAll
    static void start() {
        rig = NodeUnderTest.start("follow-accept", "bob");
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aFollowInEitherSchemeIsAnsweredWithASignedAccept(SignatureScheme scheme) throws Exception {
        TestActor follower = rig.peer().actor("follower-" + scheme.name().toLowerCase(java.util.Locale.ROOT));
        URI followId = rig.peerActivityId();
        JsonObject follow = Activities.follow(followId, follower.id(), rig.employee("bob"));

        assertStatus(rig.http().post(rig.sharedInbox(), Activities.bytes(follow), follower.signingKey(), scheme), 202);

        TestPeerServer.Received accept = Eventually.await("the Accept in " + follower.id() + "'s inbox", WAIT,
                () -> rig.peer().posted("Accept").stream()
                        .filter(request -> request.target().getPath().equals(follower.id().getPath() + "/inbox"))
                        .toList(), received -> !received.isEmpty()).get(0);
        JsonObject body = JsonBodies.parse(accept.body());
        assertEquals(rig.employee("bob").toString(), body.getString("actor"));
        assertEquals(followId.toString(), InboxReplayTest.objectId(body));

        // The Accept verifies against the key bob publishes, fetched with a GET signed by the follower: the
        // peer reads every key of bob's, so it gets RFC 9421 signed with his Ed25519 Multikey.
        JsonObject bob = Responses.assertActivityJson(rig.http().get(rig.employee("bob"), follower.signingKey(), scheme));
        URI ed25519 = PublishedKeys.ed25519KeyId(bob);
        PublicKey bobsKey = PublishedKeys.of(bob).get(ed25519);
        HttpRequestParts received = new HttpRequestParts(accept.method(), accept.target(), accept.headers(),
                accept.body());
        VerificationResult verified = new HttpSignatures(Clock.systemUTC(), Duration.ofHours(1), Duration.ofMinutes(5))
                .verify(received, bobsKey);
        assertEquals(new VerificationResult.Verified(SignatureScheme.RFC9421, ed25519), verified);
        assertTrue(accept.headers().first("date").orElse("").matches(OutboundDateHeaderTest.IMF_FIXDATE),
                () -> "Date: " + accept.headers().first("date"));

        assertTrue(followersOfBob(follower).contains(follower.id().toString()));

        JsonObject undo = Activities.undo(rig.peerActivityId(), follower.id(), follow);
        assertStatus(rig.http().post(rig.sharedInbox(), Activities.bytes(undo), follower.signingKey(), scheme), 202);
        Eventually.await("Undo(Follow) to remove " + follower.id(), WAIT,
                () -> !followersOfBob(follower).contains(follower.id().toString()));
    }

    private static List<String> followersOfBob(TestActor signer) {
        JsonObject collection = Responses.assertActivityJson(rig.http().get(rig.employee("bob").resolve(
                "/users/bob/followers"), signer.signingKey(), SignatureScheme.CAVAGE));
        return collection.getJsonArray("orderedItems").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }
}
