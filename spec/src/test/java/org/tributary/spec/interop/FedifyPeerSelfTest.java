package org.tributary.spec.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Shows the interop harness works end to end with two Fedify peers talking to each other over
 * loopback http, before it is pointed at a Tributary node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FedifyPeerSelfTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private FedifyPeer alpha;
    private FedifyPeer beta;

    @BeforeAll
    void startPeers() {
        alpha = FedifyPeer.start();
        beta = FedifyPeer.start();
    }

    @AfterAll
    void stopPeers() {
        if (alpha != null) {
            alpha.close();
        }
        if (beta != null) {
            beta.close();
        }
    }

    @Test
    void peersHaveDistinctLoopbackIdentities() {
        assertEquals("127.0.0.1", alpha.baseUri().getHost());
        assertFalse(alpha.baseUri().equals(beta.baseUri()));
        assertEquals(URI.create("http://127.0.0.1:" + beta.port() + "/users/peer"), beta.actorUri());
        assertEquals("peer@127.0.0.1:" + beta.port(), beta.handle());
        assertTrue(Files.isRegularFile(alpha.logFile()), "log file " + alpha.logFile());
    }

    @Test
    void looksUpAnotherPeerByWebFingerOverHttp() {
        ActorLookup found = alpha.lookup(beta.handle());

        assertEquals(beta.actorUri(), found.id());
        assertEquals("Person", found.type());
        assertEquals(Optional.of("acct:" + beta.handle()), found.subject());
        assertEquals(beta.baseUri().resolve("/users/peer/inbox"), found.inbox());
        assertEquals(Optional.of(beta.baseUri().resolve("/inbox")), found.sharedInbox());
        assertEquals(Optional.of(URI.create(beta.actorUri() + "#main-key")), found.publicKeyId());
    }

    @Test
    void lookupOfAnUnknownHandleFailsWithThePeersExplanation() {
        FedifyPeerException failure = assertThrows(FedifyPeerException.class,
                () -> alpha.lookup("nobody@" + beta.baseUri().getAuthority()));
        assertTrue(failure.getMessage().contains("404"), failure.getMessage());
    }

    @Test
    void followIsDeliveredSignedAndAcceptedThenAReplyArrives() {
        SentActivity follow = alpha.follow(beta.actorUri());

        ReceivedActivity receivedFollow = beta.awaitReceived(
                a -> a.type().equals("Follow") && a.id().equals(Optional.of(follow.id())), WAIT);
        assertEquals(alpha.actorUri(), receivedFollow.actor());
        assertEquals(Optional.of(beta.actorUri()), receivedFollow.object());
        assertTrue(receivedFollow.raw().isPresent(), "the wire body is kept next to Fedify's view");
        beta.awaitFollower(alpha.actorUri(), WAIT);

        ReceivedActivity accept = alpha.awaitReceived(
                a -> a.type().equals("Accept") && a.actor().equals(beta.actorUri()), WAIT);
        assertEquals(Optional.of(follow.id()), accept.object());
        alpha.awaitFollowAccepted(beta.actorUri(), WAIT);

        URI betasNote = beta.baseUri().resolve("/users/peer/notes/" + UUID.randomUUID());
        SentActivity reply = alpha.reply(betasNote, beta.actorUri(), "<p>Interop works</p>");

        ReceivedActivity create = beta.awaitReceived(
                a -> a.type().equals("Create") && a.id().equals(Optional.of(reply.id())), WAIT);
        assertEquals(alpha.actorUri(), create.actor());
        assertEquals(reply.noteId(), create.object());
        assertEquals(betasNote.toString(), create.json().getJsonObject("object").getString("inReplyTo"));
        assertEquals("<p>Interop works</p>", create.json().getJsonObject("object").getString("content"));
    }

    @Test
    void postReachesFollowersAndTheNoteCanBeFetched() throws Exception {
        beta.follow(alpha.actorUri());
        alpha.awaitFollower(beta.actorUri(), WAIT);

        SentActivity post = alpha.post("<p>Hello followers</p>");

        assertTrue(post.recipients().contains(beta.actorUri()), post.toString());
        beta.awaitReceived(a -> a.type().equals("Create") && a.id().equals(Optional.of(post.id())), WAIT);
        HttpResponse<String> note = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(post.noteId().orElseThrow())
                        .header("accept", "application/activity+json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, note.statusCode());
        assertTrue(note.body().contains("Hello followers"), note.body());
    }

    @Test
    void unsignedActivityIsRefusedAndReported() throws Exception {
        URI fakeId = alpha.baseUri().resolve("/unsigned/" + UUID.randomUUID());
        String follow = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"Follow\","
                + "\"id\":\"" + fakeId + "\",\"actor\":\"" + alpha.actorUri() + "\","
                + "\"object\":\"" + beta.actorUri() + "\"}";

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(beta.baseUri().resolve("/users/peer/inbox"))
                        .header("content-type", "application/activity+json")
                        .POST(HttpRequest.BodyPublishers.ofString(follow)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
        assertTrue(beta.rejected().stream().anyMatch(
                r -> r.id().equals(Optional.of(fakeId)) && r.reason().equals("noSignature")));
        assertTrue(beta.received().stream().noneMatch(a -> a.id().equals(Optional.of(fakeId))));
        assertTrue(beta.isHealthy());
    }

    @Test
    void closingAPeerStopsItsProcess() {
        FedifyPeer shortLived = FedifyPeer.start();
        assertTrue(shortLived.isHealthy());

        shortLived.close();

        assertFalse(shortLived.isHealthy());
    }
}
