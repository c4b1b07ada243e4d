package org.tributary.node.posting;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.signature.KeyFormatException;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.testing.TestActor;
import org.tributary.federation.testing.TestPeerServer;
import org.tributary.node.testing.TestNode;

/**
 * A scripted peer node for tests: serves its actors' documents to the node (checking the node's
 * signatures for real) and posts activities signed by those actors to the node's inbox, whatever they say.
 */
final class FakePeer implements AutoCloseable {
    private static final Set<String> UNSENDABLE = Set.of("host", "content-length");

    private final HttpSignatures signatures = new HttpSignatures(Clock.systemUTC(), Duration.ofHours(1),
            Duration.ofMinutes(5));
    private final TestPeerServer server = TestPeerServer.start(signatures);
    private final HttpClient client = HttpClient.newHttpClient();

    /** Starts a peer the node allowlists and whose fetches, signed by the node's instance actor, it accepts. */
    static FakePeer allowedBy(TestNode node) {
        FakePeer peer = new FakePeer();
        node.assembly().peers().add(peer.server.authority(), "fake peer");
        JsonPath instance = node.anonymous().get("/actor").then().statusCode(200).extract().jsonPath();
        try {
            peer.server.trust(URI.create(instance.getString("publicKey.id")),
                    KeyCodec.decodePublicKeyPem(instance.getString("publicKey.publicKeyPem")));
        } catch (KeyFormatException e) {
            throw new IllegalStateException("the node published an unreadable key", e);
        }
        return peer;
    }

    /** An actor of this peer, with its actor document served. */
    TestActor actor(String username) {
        TestActor actor = TestActor.rsa(server.url("/users/" + username).toString());
        String pem = KeyCodec.encodePublicKeyPem(actor.keys().getPublic()).replace("\n", "\\n");
        server.serveJson("/users/" + username, """
                {"@context":["https://www.w3.org/ns/activitystreams","https://w3id.org/security/v1"],
                 "id":"%1$s","type":"Person","preferredUsername":"%2$s","inbox":"%1$s/inbox",
                 "followers":"%1$s/followers",
                 "publicKey":{"id":"%3$s","owner":"%1$s","publicKeyPem":"%4$s"}}
                """.formatted(actor.id(), username, actor.keyId(), pem));
        return actor;
    }

    URI url(String path) {
        return server.url(path);
    }

    /** POSTs {@code json} to {@code inbox}, signed by {@code actor}; returns the HTTP status. */
    int deliver(TestActor actor, URI inbox, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequestParts signed = signatures.sign(new HttpRequestParts("POST", inbox,
                HeaderMap.empty().with("Content-Type", "application/activity+json"), body), actor.signingKey(),
                SignatureScheme.CAVAGE);
        HttpRequest.Builder request = HttpRequest.newBuilder(inbox).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : signed.headers().asMap().entrySet()) {
            if (!UNSENDABLE.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("cannot deliver to " + inbox, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
