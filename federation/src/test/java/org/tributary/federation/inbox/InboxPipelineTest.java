package org.tributary.federation.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.signature.SigningKey;
import org.tributary.federation.spi.FederationEvent.InboundDisposition;
import org.tributary.federation.spi.FederationEvent.InboundProcessed;
import org.tributary.federation.spi.ResolvedKey;
import org.tributary.federation.testing.InMemoryInboxStore;
import org.tributary.federation.testing.InMemoryKeyResolver;
import org.tributary.federation.testing.MutableClock;
import org.tributary.federation.testing.RecordingEventListener;
import org.tributary.federation.testing.TestActor;

/** Every step of the inbound pipeline, with real keys and real signatures. */
class InboxPipelineTest {

    private static final URI INBOX = URI.create("https://here.example/inbox");
    private static final Instant NOW = Instant.parse("2026-03-05T09:07:03Z");
    private static TestActor ann;
    private static TestActor bob;
    private static TestActor mallory;

    private final MutableClock clock = new MutableClock(NOW);
    private final MutableClock senderClock = new MutableClock(NOW);
    private final HttpSignatures signer = new HttpSignatures(senderClock, Duration.ofHours(1), Duration.ofMinutes(5));
    private final InMemoryKeyResolver keys = new InMemoryKeyResolver();
    private final InMemoryInboxStore store = new InMemoryInboxStore();
    private final RecordingEventListener events = new RecordingEventListener();
    private final InboxPipeline pipeline = new InboxPipeline(new InboxLimits(4096),
            Set.of("sales.example", "hr.example")::contains,
            new HttpSignatures(clock, Duration.ofHours(1), Duration.ofMinutes(5)), keys, store, events, clock);

    @BeforeAll
    static void actors() {
        ann = TestActor.rsa("https://sales.example/users/ann");
        bob = TestActor.rsa("https://sales.example/users/bob");
        mallory = TestActor.rsa("https://evil.example/users/mallory");
    }

    InboxPipelineTest() {
        keys.publish(ann.resolvedKey()).publish(bob.resolvedKey()).publish(mallory.resolvedKey());
    }

    private static String note(String activityId, String actor, String noteId, String attributedTo) {
        return """
                {"@context":"https://www.w3.org/ns/activitystreams","id":"%s","type":"Create","actor":"%s",
                 "object":{"id":"%s","type":"Note","attributedTo":"%s","content":"hello"}}"""
                .formatted(activityId, actor, noteId, attributedTo);
    }

    private static String annsNote() {
        return note("https://sales.example/users/ann/statuses/1/activity", ann.id().toString(),
                "https://sales.example/users/ann/statuses/1", ann.id().toString());
    }

    private static HttpRequestParts post(String body, String contentType) {
        return new HttpRequestParts("POST", INBOX, HeaderMap.empty().with("Content-Type", contentType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private InboxRequest signed(String body, SigningKey key) {
        return InboxRequest.of(signer.sign(post(body, "application/activity+json"), key, SignatureScheme.RFC9421));
    }

    private InboxRequest signedBy(TestActor actor, String body) {
        return signed(body, actor.signingKey());
    }

    private void assertRejected(FederationError expected, InboxRequest request) {
        InboxOutcome outcome = pipeline.accept(request);
        assertEquals(expected, assertInstanceOf(InboxOutcome.Rejected.class, outcome).error(), outcome.toString());
        assertEquals(expected.httpStatus(), outcome.httpStatus());
        assertTrue(store.all().isEmpty(), "nothing may be stored");
        InboundProcessed event = events.eventsOf(InboundProcessed.class).get(0);
        assertEquals(InboundDisposition.REJECTED, event.disposition());
        assertEquals(Optional.of(expected), event.error());
    }

    @Test
    void acceptsAndStoresASignedActivityFromAnAllowedPeer() {
        InboxOutcome outcome = pipeline.accept(signedBy(ann, annsNote()));

        var accepted = assertInstanceOf(InboxOutcome.Accepted.class, outcome);
        assertEquals(202, outcome.httpStatus());
        assertEquals(URI.create("https://sales.example/users/ann/statuses/1/activity"), accepted.activity().id());
        InMemoryInboxStore.Stored stored = store.all().get(0);
        assertEquals(ann.keyId(), stored.verifiedKeyId());
        assertEquals(NOW, stored.receivedAt());
        InboundProcessed event = events.eventsOf(InboundProcessed.class).get(0);
        assertEquals(new InboundProcessed(NOW, Optional.of("sales.example"), Optional.of(accepted.activity().id()),
                Optional.of("Create"), Optional.of(ann.id()), InboundDisposition.ACCEPTED, Optional.empty(), "stored"),
                event);
    }

    @Test
    void acceptsCavageSignaturesToo() {
        HttpRequestParts request = signer.sign(post(annsNote(), "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""),
                ann.signingKey(), SignatureScheme.CAVAGE);
        assertInstanceOf(InboxOutcome.Accepted.class, pipeline.accept(InboxRequest.of(request)));
    }

    @Test
    void aReplayIsAcknowledgedButStoredOnce() {
        InboxRequest request = signedBy(ann, annsNote());
        assertInstanceOf(InboxOutcome.Accepted.class, pipeline.accept(request));
        InboxOutcome replay = pipeline.accept(request);

        assertEquals(new InboxOutcome.Duplicate(URI.create("https://sales.example/users/ann/statuses/1/activity")), replay);
        assertEquals(202, replay.httpStatus());
        assertEquals(1, store.all().size());
        assertEquals(List.of(InboundDisposition.ACCEPTED, InboundDisposition.DUPLICATE),
                events.eventsOf(InboundProcessed.class).stream().map(InboundProcessed::disposition).toList());
    }

    @Test
    void rejectsAnUnsignedRequest() {
        assertRejected(FederationError.SIGNATURE_MISSING, InboxRequest.of(post(annsNote(), "application/activity+json")));
    }

    @Test
    void rejectsAnUnreadableSignature() {
        HttpRequestParts garbled = post(annsNote(), "application/activity+json")
                .withHeaders(HeaderMap.empty().with("Content-Type", "application/activity+json")
                        .with("Signature", "this is not a signature"));
        assertRejected(FederationError.SIGNATURE_MALFORMED, InboxRequest.of(garbled));
    }

    @Test
    void rejectsASignatureMadeWithAnotherKey() {
        SigningKey forged = new SigningKey(ann.keyId(), bob.keys().getPrivate(), ann.signingKey().algorithm());
        assertRejected(FederationError.SIGNATURE_INVALID, signed(annsNote(), forged));
    }

    @Test
    void rejectsABodyThatDoesNotMatchItsDigest() {
        HttpRequestParts request = signedBy(ann, annsNote()).http();
        byte[] tampered = annsNote().replace("hello", "HELLO").getBytes(StandardCharsets.UTF_8);
        HttpRequestParts swapped = new HttpRequestParts(request.method(), request.targetUri(), request.headers(), tampered);
        assertRejected(FederationError.DIGEST_MISMATCH, InboxRequest.of(swapped));
    }

    @Test
    void rejectsASignatureOlderThanTheWindow() {
        senderClock.set(NOW.minus(Duration.ofMinutes(61)));
        assertRejected(FederationError.DATE_OUT_OF_WINDOW, signedBy(ann, annsNote()));
    }

    @Test
    void rejectsASignatureFromTheFuture() {
        senderClock.set(NOW.plus(Duration.ofMinutes(6)));
        assertRejected(FederationError.DATE_OUT_OF_WINDOW, signedBy(ann, annsNote()));
    }

    @Test
    void rejectsAKeyThatDoesNotBelongToTheActor() {
        assertRejected(FederationError.KEY_OWNER_MISMATCH, signedBy(bob, annsNote()));
    }

    @Test
    void rejectsAKeyOnAPeerThatIsNotAllowedBeforeFetchingIt() {
        String body = note("https://evil.example/act/1", mallory.id().toString(),
                "https://evil.example/notes/1", mallory.id().toString());
        assertRejected(FederationError.PEER_NOT_ALLOWED, signedBy(mallory, body));
        assertEquals(0, keys.fetches(), "no key may be fetched from a peer that is not allowed");
        assertEquals(Optional.of("evil.example"), events.eventsOf(InboundProcessed.class).get(0).peer());
    }

    @Test
    void rejectsAnActorOnAPeerThatIsNotAllowedEvenWithAKeyOnAnAllowedOne() {
        // A key served by an allowed peer but owned by an actor elsewhere (a misbehaving resolver).
        TestActor proxy = TestActor.rsa("https://sales.example/keys/proxy");
        keys.publish(new ResolvedKey(proxy.keyId(), mallory.id(), proxy.keys().getPublic()));
        String body = note("https://evil.example/act/2", mallory.id().toString(),
                "https://evil.example/notes/2", mallory.id().toString());
        assertRejected(FederationError.PEER_NOT_ALLOWED, signedBy(proxy, body));
    }

    @Test
    void rejectsAnActivityIdFromAnotherOrigin() {
        String body = note("https://hr.example/act/1", ann.id().toString(),
                "https://sales.example/users/ann/statuses/1", ann.id().toString());
        assertRejected(FederationError.ORIGIN_MISMATCH, signedBy(ann, body));
    }

    @Test
    void rejectsAnEmbeddedObjectFromAnotherOrigin() {
        String body = note("https://sales.example/act/1", ann.id().toString(),
                "https://hr.example/notes/1", ann.id().toString());
        assertRejected(FederationError.ORIGIN_MISMATCH, signedBy(ann, body));
    }

    @Test
    void rejectsAnEmbeddedObjectAttributedToAnotherOrigin() {
        String body = note("https://sales.example/act/1", ann.id().toString(),
                "https://sales.example/notes/1", "https://hr.example/users/carol");
        assertRejected(FederationError.ORIGIN_MISMATCH, signedBy(ann, body));
    }

    @Test
    void rejectsCreatingAnObjectAttributedToSomeoneElse() {
        String body = note("https://sales.example/act/1", ann.id().toString(),
                "https://sales.example/notes/1", bob.id().toString());
        assertRejected(FederationError.NOT_OBJECT_OWNER, signedBy(ann, body));
    }

    @Test
    void rejectsUndoingSomeoneElsesActivity() {
        String body = """
                {"id":"https://sales.example/users/ann#undo/1","type":"Undo","actor":"%s",
                 "object":{"id":"https://sales.example/users/bob#follows/9","type":"Follow","actor":"%s",
                           "object":"https://here.example/users/zoe"}}""".formatted(ann.id(), bob.id());
        assertRejected(FederationError.NOT_OBJECT_OWNER, signedBy(ann, body));
    }

    @Test
    void rejectsDeletingAReferenceFromAnotherOrigin() {
        String body = """
                {"id":"https://sales.example/act/del/1","type":"Delete","actor":"%s",
                 "object":"https://hr.example/notes/7"}""".formatted(ann.id());
        assertRejected(FederationError.NOT_OBJECT_OWNER, signedBy(ann, body));
    }

    @Test
    void acceptsUndoingOnesOwnFollowAndBoostingAnotherOriginsPost() {
        String undo = """
                {"id":"https://sales.example/users/ann#undo/2","type":"Undo","actor":"%s",
                 "object":{"id":"https://sales.example/users/ann#follows/3","type":"Follow","actor":"%s",
                           "object":"https://here.example/users/zoe"}}""".formatted(ann.id(), ann.id());
        assertInstanceOf(InboxOutcome.Accepted.class, pipeline.accept(signedBy(ann, undo)));
        String announce = """
                {"id":"https://sales.example/users/ann/statuses/5/activity","type":"Announce","actor":"%s",
                 "object":{"id":"https://hr.example/notes/7","type":"Note","attributedTo":"https://hr.example/users/carol"}}"""
                .formatted(ann.id());
        assertInstanceOf(InboxOutcome.Accepted.class, pipeline.accept(signedBy(ann, announce)));
    }

    @Test
    void rejectsADeclaredLengthOverTheLimitWithoutLookingFurther() {
        InboxRequest request = signedBy(ann, annsNote());
        InboxRequest declaredHuge = new InboxRequest(request.http(), request.contentType(), OptionalLong.of(1_000_000));
        assertRejected(FederationError.BODY_TOO_LARGE, declaredHuge);
    }

    @Test
    void rejectsABodyOverTheLimitWhateverItsDeclaredLength() {
        String padded = annsNote().replace("hello", "x".repeat(5000));
        InboxRequest request = signedBy(ann, padded);
        assertRejected(FederationError.BODY_TOO_LARGE,
                new InboxRequest(request.http(), request.contentType(), OptionalLong.of(100)));
    }

    @Test
    void screensHeadersBeforeTheBodyIsRead() {
        assertEquals(Optional.empty(), pipeline.screenBeforeReading(Optional.of("application/activity+json"), OptionalLong.of(4096)));
        assertEquals(FederationError.BODY_TOO_LARGE, pipeline.screenBeforeReading(
                Optional.of("application/activity+json"), OptionalLong.of(4097)).orElseThrow().error());
        assertEquals(FederationError.UNSUPPORTED_CONTENT_TYPE, pipeline.screenBeforeReading(
                Optional.of("text/html"), OptionalLong.empty()).orElseThrow().error());
        assertEquals(2, events.eventsOf(InboundProcessed.class).size());
    }

    @Test
    void rejectsAWrongContentType() {
        HttpRequestParts request = signer.sign(post(annsNote(), "application/json"), ann.signingKey(), SignatureScheme.RFC9421);
        assertRejected(FederationError.UNSUPPORTED_CONTENT_TYPE, InboxRequest.of(request));
    }

    @Test
    void rejectsMalformedJson() {
        assertRejected(FederationError.MALFORMED_JSON, signedBy(ann, "{\"id\": \"https://sales.example/1\", "));
    }

    @Test
    void rejectsAnActivityWithoutId() {
        String body = "{\"type\":\"Like\",\"actor\":\"%s\",\"object\":\"https://here.example/notes/1\"}".formatted(ann.id());
        assertRejected(FederationError.MALFORMED_ACTIVITY, signedBy(ann, body));
    }

    @Test
    void rejectsAKeyThatCannotBeResolved() {
        TestActor ghost = TestActor.rsa("https://sales.example/users/ghost");
        String body = note("https://sales.example/act/9", ghost.id().toString(),
                "https://sales.example/notes/9", ghost.id().toString());
        assertRejected(FederationError.KEY_UNAVAILABLE, signedBy(ghost, body));
    }

    @Test
    void refetchesACachedKeyOnceWhenThePeerRotatedIt() {
        TestActor rotated = ann.rotated();
        keys.cacheStale(ann.resolvedKey()).publish(rotated.resolvedKey());

        assertInstanceOf(InboxOutcome.Accepted.class, pipeline.accept(signedBy(rotated, annsNote())));
        assertEquals(1, keys.fetches());
    }

    @Test
    void aFreshKeyIsNotRefetchedForABadSignature() {
        SigningKey forged = new SigningKey(ann.keyId(), bob.keys().getPrivate(), ann.signingKey().algorithm());
        assertRejected(FederationError.SIGNATURE_INVALID, signed(annsNote(), forged));
        assertEquals(1, keys.fetches());
    }
}
