package org.tributary.spec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tributary.spec.conformance.Responses.assertRejected;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.testing.TestActor;

/**
 * Inbox rules about who may say what (DESIGN §3 step 4): the signer must be on an allowlisted peer, and
 * the node must not even contact a host that is not; the activity id, the actor and an embedded object's
 * id and {@code attributedTo} must share one origin (scheme, host and port); a Create is only of the
 * actor's own object. The "stranger" is a second loopback server the node does not allowlist: same host,
 * another port, so another origin.
 */
class InboxOriginRulesTest {
    private static NodeUnderTest rig;
    private static FakePeer stranger;
    private static TestActor carol;
    private static TestActor dave;
    private static TestActor eve;

    @BeforeAll
    static void start() {
        rig = NodeUnderTest.start("inbox-origins", "bob");
        carol = rig.peer().actor("carol");
        dave = rig.peer().actor("dave");
        stranger = FakePeer.start();
        eve = stranger.actor("eve");
    }

    @AfterAll
    static void stop() {
        stranger.close();
        rig.close();
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aSignerOnAHostThatIsNotAllowlistedIsRefusedWithoutContactingIt(SignatureScheme scheme) {
        URI id = stranger.url("/activities/follow-" + scheme);
        byte[] follow = Activities.bytes(Activities.follow(id, eve.id(), rig.employee("bob")));

        assertRejected(rig.http().post(rig.sharedInbox(), follow, eve.signingKey(), scheme), 403, "peer_not_allowed");
        // Resolving the key would be a request the stranger could make the node send at will.
        assertEquals(List.of(), stranger.received());
    }

    @Test
    void anActorOnAHostThatIsNotAllowlistedIsNeverContactedEvenWithAnAllowedKey() {
        // Carol (allowed) signs a Follow that claims to be by Eve (not allowed).
        byte[] follow = Activities.bytes(Activities.follow(stranger.url("/activities/follow-as-eve"), eve.id(),
                rig.employee("bob")));

        assertRejected(rig.http().post(rig.sharedInbox(), follow, carol.signingKey(), SignatureScheme.RFC9421),
                401, "key_owner_mismatch");
        assertEquals(List.of(), stranger.received());
    }

    @Test
    void anActivityIdFromAnotherOriginIsRefused() {
        byte[] follow = Activities.bytes(Activities.follow(stranger.url("/activities/forged"), carol.id(),
                rig.employee("bob")));
        assertRejected(rig.http().post(rig.sharedInbox(), follow, carol.signingKey(), SignatureScheme.CAVAGE),
                403, "origin_mismatch");
    }

    @Test
    void anEmbeddedObjectAttributedToAnotherOriginIsRefused() {
        byte[] create = Activities.bytes(Activities.createNote(rig.peerActivityId(), carol.id(),
                rig.peer().url("/notes/1"), eve.id()));
        assertRejected(rig.http().post(rig.sharedInbox(), create, carol.signingKey(), SignatureScheme.CAVAGE),
                403, "origin_mismatch");
    }

    @Test
    void anEmbeddedObjectWhoseIdIsFromAnotherOriginIsRefused() {
        byte[] create = Activities.bytes(Activities.createNote(rig.peerActivityId(), carol.id(),
                stranger.url("/notes/1"), carol.id()));
        assertRejected(rig.http().post(rig.sharedInbox(), create, carol.signingKey(), SignatureScheme.RFC9421),
                403, "origin_mismatch");
    }

    @Test
    void aCreateOfAnObjectAttributedToAnotherActorOfTheSamePeerIsRefused() {
        byte[] create = Activities.bytes(Activities.createNote(rig.peerActivityId(), carol.id(),
                rig.peer().url("/notes/2"), dave.id()));
        assertRejected(rig.http().post(rig.sharedInbox(), create, carol.signingKey(), SignatureScheme.CAVAGE),
                403, "not_object_owner");
    }

    @Test
    void anUndoOfAnotherActorsFollowIsRefused() {
        var davesFollow = Activities.follow(rig.peerActivityId(), dave.id(), rig.employee("bob"));
        byte[] undo = Activities.bytes(Activities.undo(rig.peerActivityId(), carol.id(), davesFollow));
        assertRejected(rig.http().post(rig.sharedInbox(), undo, carol.signingKey(), SignatureScheme.CAVAGE),
                403, "not_object_owner");
    }
}
