package org.tributary.spec.conformance;

import static org.tributary.spec.conformance.Responses.assertRejected;
import static org.tributary.spec.conformance.Responses.assertStatus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.testing.TestActor;

/**
 * Inbox rules about the request itself (DESIGN §3 step 1) and the activity's shape: the body limit (the
 * test node's is 256 KiB), the two ActivityStreams media types, well-formed JSON, an {@code id} and an
 * {@code actor}. Every request here is correctly signed, so only the rule under test can refuse it.
 */
class InboxLimitsTest {
    private static final int LIMIT = 256 * 1024;

    private static NodeUnderTest rig;
    private static TestActor carol;

    @BeforeAll
    static void start() {
        rig = NodeUnderTest.start("inbox-limits", "bob");
        carol = rig.peer().actor("carol");
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        byte[] big = new byte[LIMIT + 1];
        Arrays.fill(big, (byte) ' ');
        byte[] follow = Activities.bytes(Activities.follow(rig.peerActivityId(), carol.id(), rig.employee("bob")));
        System.arraycopy(follow, 0, big, 0, follow.length);
        var response = post(big, SignedHttp.ACTIVITY_JSON);
        assertRejected(response, 413, "body_too_large");
        assertClosesTheConnection(response);
    }

    @Test
    void aBodyAtTheLimitIsAccepted() {
        byte[] exact = new byte[LIMIT];
        Arrays.fill(exact, (byte) ' ');
        byte[] follow = Activities.bytes(Activities.follow(rig.peerActivityId(), carol.id(), rig.employee("bob")));
        System.arraycopy(follow, 0, exact, 0, follow.length);
        assertStatus(post(exact, SignedHttp.ACTIVITY_JSON), 202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json", "application/x-www-form-urlencoded"})
    void aContentTypeOtherThanActivityStreamsIsRefused(String contentType) {
        var response = post(validFollow(), contentType);
        assertRejected(response, 415, "unsupported_content_type");
        assertClosesTheConnection(response);
    }

    /**
     * Refused before its body was read, so the server closes the connection after answering (RFC 9112 §9.6:
     * it says so), and a client that pools connections does not send its next request into the closing one.
     */
    private static void assertClosesTheConnection(java.net.http.HttpResponse<String> response) {
        org.junit.jupiter.api.Assertions.assertEquals("close",
                response.headers().firstValue("connection").orElse("(none)").toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/activity+json", "application/activity+json; charset=utf-8",
            "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""})
    void bothActivityStreamsMediaTypesAreAccepted(String contentType) {
        assertStatus(post(validFollow(), contentType), 202);
    }

    @Test
    void malformedJsonIsRefused() {
        byte[] broken = "{\"id\": \"http://x/1\", \"type\": ".getBytes(StandardCharsets.UTF_8);
        assertRejected(post(broken, SignedHttp.ACTIVITY_JSON), 400, "malformed_json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "actor", "type"})
    void anActivityWithoutARequiredFieldIsRefused(String missing) {
        var follow = Activities.follow(rig.peerActivityId(), carol.id(), rig.employee("bob"));
        byte[] incomplete = Activities.bytes(jakarta.json.Json.createObjectBuilder(follow).remove(missing).build());
        assertRejected(post(incomplete, SignedHttp.ACTIVITY_JSON), 400, "malformed_activity");
    }

    @Test
    void aJsonArrayIsNotAnActivity() {
        assertRejected(post("[]".getBytes(StandardCharsets.UTF_8), SignedHttp.ACTIVITY_JSON), 400,
                "malformed_activity");
    }

    private static byte[] validFollow() {
        return Activities.bytes(Activities.follow(rig.peerActivityId(), carol.id(), rig.employee("bob")));
    }

    private static java.net.http.HttpResponse<String> post(byte[] body, String contentType) {
        URI inbox = rig.sharedInbox();
        return rig.http().send(rig.http().signedPost(inbox, body, contentType, carol.signingKey(),
                SignatureScheme.CAVAGE));
    }
}
