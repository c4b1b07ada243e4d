package org.tributary.spec.conformance;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.testing.TestActor;
import org.tributary.federation.testing.TestPeerServer;

/**
 * A remote node as the node under test sees it: a loopback server that serves the actor documents of
 * its {@link TestActor}s and records every request it gets, checking each request's signature against
 * the keys it trusts (it answers 401 to anything else, like a strict peer).
 */
final class FakePeer implements AutoCloseable {
    private final TestPeerServer server;

    private FakePeer(TestPeerServer server) {
        this.server = server;
    }

    static FakePeer start() {
        return start(Clock.systemUTC());
    }

    /** A peer whose signature checks use {@code clock}, for a node whose clock is set elsewhere in time. */
    static FakePeer start(Clock clock) {
        return new FakePeer(TestPeerServer.start(new HttpSignatures(clock, Duration.ofHours(1), Duration.ofMinutes(5))));
    }

    /** {@code 127.0.0.1:port}, the name the node's allowlist knows this peer by. */
    String authority() {
        return server.authority();
    }

    URI url(String path) {
        return server.url(path);
    }

    /** A new actor at {@code /users/<name>}, with a fresh RSA key, whose actor document this peer serves. */
    TestActor actor(String name) {
        TestActor actor = TestActor.rsa(url("/users/" + name).toString());
        server.serveJson("/users/" + name, actorDocument(actor, name).toString());
        return actor;
    }

    /**
     * The actor document: {@code type} Person, {@code id}, {@code inbox}, {@code preferredUsername} and
     * {@code publicKey} with the SPKI PEM of the actor's key, owned by the actor.
     */
    static JsonObject actorDocument(TestActor actor, String name) {
        return Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams")
                        .add("https://w3id.org/security/v1"))
                .add("id", actor.id().toString())
                .add("type", "Person")
                .add("preferredUsername", name)
                .add("inbox", actor.id() + "/inbox")
                .add("publicKey", Json.createObjectBuilder()
                        .add("id", actor.keyId().toString())
                        .add("owner", actor.id().toString())
                        .add("publicKeyPem", KeyCodec.encodePublicKeyPem(actor.keys().getPublic())))
                .build();
    }

    /** Accept requests the node signs with this key (its instance actor's for fetches, an employee's for deliveries). */
    FakePeer trust(URI keyId, PublicKey key) {
        server.trust(keyId, key);
        return this;
    }

    /**
     * Trusts every key a fetched actor document publishes, as a Tributary node would ({@link PublishedKeys}):
     * the node signs RFC 9421 with the actor's Ed25519 Multikey and draft-cavage with its RSA key.
     */
    FakePeer trustPublishedKeys(JsonObject actorDocument) {
        PublishedKeys.of(actorDocument).forEach(this::trust);
        return this;
    }

    /** Trusts only the RSA key in {@code publicKey}, like a server that reads no other key. */
    FakePeer trustPublicKeyOnly(JsonObject actorDocument) {
        URI keyId = PublishedKeys.rsaKeyId(actorDocument);
        return trust(keyId, PublishedKeys.of(actorDocument).get(keyId));
    }

    List<TestPeerServer.Received> received() {
        return server.received();
    }

    /** The POSTs the node made to this peer whose JSON body has the given {@code type}. */
    List<TestPeerServer.Received> posted(String type) {
        return received().stream().filter(request -> request.method().equals("POST"))
                .filter(request -> type.equals(JsonBodies.parse(request.body()).getString("type", "")))
                .toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
