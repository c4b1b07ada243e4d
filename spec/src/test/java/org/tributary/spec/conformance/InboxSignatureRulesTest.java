package org.tributary.spec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tributary.spec.conformance.Responses.assertRejected;
import static org.tributary.spec.conformance.Responses.assertStatus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.testing.TestActor;
import org.tributary.node.testing.Eventually;

/**
 * Inbox rules about the HTTP signature (DESIGN §3 step 2 and 3): it must be there, verify against the
 * actor's published key, cover a matching body digest, be dated within one hour back and five minutes
 * ahead, and be made with a key that belongs to the activity's actor. Each rejection has a stable code.
 */
class InboxSignatureRulesTest {
    private static NodeUnderTest rig;
    private static TestActor carol;
    private static TestActor dave;

    @BeforeAll
    static void start() {
        rig = NodeUnderTest.start("inbox-signatures", "bob");
        carol = rig.peer().actor("carol");
        dave = rig.peer().actor("dave");
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void anUnsignedPostIsRefusedAsSignatureMissing() {
        HttpRequestParts unsigned = new HttpRequestParts("POST", rig.sharedInbox(),
                HeaderMap.empty().with("Content-Type", SignedHttp.ACTIVITY_JSON), followOfBobBy(carol));
        assertRejected(rig.http().send(unsigned), 401, "signature_missing");
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aSignatureMadeWithAnotherKeyIsRefusedAsInvalid(SignatureScheme scheme) {
        // Same key id, different private key: what a forger who knows the key id can do.
        assertRejected(rig.http().post(rig.sharedInbox(), followOfBobBy(carol), carol.rotated().signingKey(), scheme),
                401, "signature_invalid");
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aBodyThatDoesNotMatchItsDigestIsRefused(SignatureScheme scheme) {
        HttpRequestParts signed = rig.http().signedPost(rig.sharedInbox(), followOfBobBy(carol), carol.signingKey(),
                scheme);
        byte[] swapped = followOfBobBy(carol);
        HttpRequestParts tampered = new HttpRequestParts("POST", signed.targetUri(), signed.headers(), swapped);
        assertRejected(rig.http().send(tampered), 401, "digest_mismatch");
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aSignatureOlderThanAnHourIsRefused(SignatureScheme scheme) {
        SignedHttp fromThePast = new SignedHttp(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-61)));
        assertRejected(fromThePast.post(rig.sharedInbox(), followOfBobBy(carol), carol.signingKey(), scheme),
                401, "date_out_of_window");
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aSignatureMoreThanFiveMinutesAheadIsRefused(SignatureScheme scheme) {
        SignedHttp fromTheFuture = new SignedHttp(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)));
        assertRejected(fromTheFuture.post(rig.sharedInbox(), followOfBobBy(carol), carol.signingKey(), scheme),
                401, "date_out_of_window");
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void signaturesInsideTheWindowAreAccepted(SignatureScheme scheme) {
        SignedHttp late = new SignedHttp(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-55)));
        assertStatus(late.post(rig.sharedInbox(), followOfBobBy(carol), carol.signingKey(), scheme), 202);
        SignedHttp early = new SignedHttp(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(4)));
        assertStatus(early.post(rig.sharedInbox(), followOfBobBy(carol), carol.signingKey(), scheme), 202);
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void aKeyThatIsNotTheActorsIsRefused(SignatureScheme scheme) {
        // Carol signs a Follow that claims to be by Dave (same peer, both keys published and valid).
        assertRejected(rig.http().post(rig.sharedInbox(), followOfBobBy(dave), carol.signingKey(), scheme),
                401, "key_owner_mismatch");
    }

    @Test
    void aRejectedActivityIsNeverApplied() {
        TestActor mallory = rig.peer().actor("mallory");
        TestActor erin = rig.peer().actor("erin");
        assertRejected(rig.http().post(rig.sharedInbox(), followOfBobBy(mallory), mallory.rotated().signingKey(),
                SignatureScheme.CAVAGE), 401, "signature_invalid");
        assertStatus(rig.http().post(rig.sharedInbox(), followOfBobBy(erin), erin.signingKey(), SignatureScheme.CAVAGE),
                202);

        // The inbox handles activities in order, so once Erin's Follow is answered, Mallory's would have been.
        Eventually.await("the Accept of Erin's follow", Duration.ofSeconds(15),
                () -> acceptsTo(erin.id()).size() == 1);
        assertEquals(List.of(), acceptsTo(mallory.id()));
    }

    private static List<?> acceptsTo(URI actor) {
        return rig.peer().posted("Accept").stream()
                .filter(request -> request.target().getPath().equals(actor.getPath() + "/inbox")).toList();
    }

    private static byte[] followOfBobBy(TestActor actor) {
        return Activities.follow(rig.peerActivityId(), actor.id(), rig.employee("bob")).toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
