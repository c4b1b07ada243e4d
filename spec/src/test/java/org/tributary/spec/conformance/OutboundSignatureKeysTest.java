package org.tributary.spec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.spec.conformance.Responses.assertStatus;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.signature.VerificationResult;
import org.tributary.federation.testing.TestActor;
import org.tributary.federation.testing.TestPeerServer;
import org.tributary.node.testing.Eventually;

/**
 * Which key signs what the node sends (FEDERATION.md, "What we send"): RFC 9421 with the signer's Ed25519
 * Multikey from {@code assertionMethod}, draft-cavage with the RSA key from {@code publicKey}. A peer that
 * reads every published key gets RFC 9421 Ed25519 at the first knock; a peer that reads only
 * {@code publicKey} refuses the first Ed25519 signature with 401 and from then on gets draft-cavage RSA.
 */
class OutboundSignatureKeysTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static NodeUnderTest rig;
    private static FakePeer rsaOnly;
    private static JsonObject instanceActor;
    private static JsonObject bob;

    @BeforeAll
    static void start() {
        rig = NodeUnderTest.start("outbound-keys", "bob");
        instanceActor = Responses.assertActivityJson(rig.http().getUnsigned(rig.url("/actor")));
        bob = rig.employeeDocument("bob");
        rsaOnly = FakePeer.start();
        rig.node().assembly().peers().add(rsaOnly.authority(), "a peer that reads only publicKey");
        rsaOnly.trustPublicKeyOnly(instanceActor).trustPublicKeyOnly(bob);
    }

    @AfterAll
    static void stop() {
        if (rsaOnly != null) {
            rsaOnly.close();
        }
        rig.close();
    }

    /** A Follow of bob by a new actor on {@code peer}; returns the Accept the node POSTs back. */
    private static TestPeerServer.Received followBob(FakePeer peer, String name) {
        TestActor follower = peer.actor(name);
        assertStatus(rig.http().post(rig.sharedInbox(), Activities.bytes(Activities.follow(
                peer.url("/activities/follow-" + name), follower.id(), rig.employee("bob"))),
                follower.signingKey(), SignatureScheme.CAVAGE), 202);
        return Eventually.await("the Accept to " + name, WAIT, () -> peer.posted("Accept"),
                accepts -> !accepts.isEmpty()).get(0);
    }

    @Test
    void aPeerThatReadsEveryKeyGetsRfc9421SignedWithEd25519() {
        followBob(rig.peer(), "carol");

        List<TestPeerServer.Received> received = rig.peer().received();
        TestPeerServer.Received fetch = received.stream().filter(r -> r.method().equals("GET")).findFirst().orElseThrow();
        TestPeerServer.Received accept = rig.peer().posted("Accept").get(0);
        assertEquals(new VerificationResult.Verified(SignatureScheme.RFC9421, PublishedKeys.ed25519KeyId(instanceActor)),
                fetch.verification(), "the fetch of carol, signed by the instance actor");
        assertEquals(new VerificationResult.Verified(SignatureScheme.RFC9421, PublishedKeys.ed25519KeyId(bob)),
                accept.verification(), "the Accept, signed by bob");
        assertTrue(accept.headers().first("signature-input").orElseThrow().contains("alg=\"ed25519\""));
        assertTrue(received.stream().allMatch(r -> r.answeredWith() < 400), () -> "no knock refused: " + received);
    }

    @Test
    void aPeerThatReadsOnlyPublicKeyRefusesEd25519OnceAndThenGetsCavageRsa() {
        followBob(rsaOnly, "dave");

        List<TestPeerServer.Received> received = rsaOnly.received();
        TestPeerServer.Received first = received.get(0);
        assertEquals(Optional.of(SignatureScheme.RFC9421), first.scheme());
        assertEquals(401, first.answeredWith());
        assertTrue(first.headers().first("signature-input").orElseThrow()
                .contains("keyid=\"" + PublishedKeys.ed25519KeyId(instanceActor) + "\""), first::toString);
        List<TestPeerServer.Received> rest = received.subList(1, received.size());
        assertFalse(rest.isEmpty());
        for (TestPeerServer.Received request : rest) {
            URI signer = request.method().equals("GET") ? PublishedKeys.rsaKeyId(instanceActor)
                    : PublishedKeys.rsaKeyId(bob);
            assertEquals(new VerificationResult.Verified(SignatureScheme.CAVAGE, signer), request.verification(),
                    () -> request.method() + " " + request.target());
            assertTrue(request.headers().first("signature").orElseThrow().contains("algorithm=\"rsa-sha256\""));
        }
    }
}
