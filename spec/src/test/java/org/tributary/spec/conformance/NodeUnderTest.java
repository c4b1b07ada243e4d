package org.tributary.spec.conformance;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.testing.TestActor;
import org.tributary.node.testing.TestNode;

/**
 * One node under test with a fake peer it allowlists. Setting up is the only part that is not HTTP:
 * starting the node, creating employees and allowlisting the peer are what an admin does with the CLI.
 * The fake peer trusts the node's instance actor key, read from the unsigned {@code /actor} document, so
 * the node's signed fetches of the peer's actor documents succeed; it also trusts each employee's key,
 * read from the employee's actor document (fetched with a GET signed by the peer's {@code reader} actor),
 * so that the node's deliveries to the peer are accepted at the first knock.
 */
final class NodeUnderTest implements AutoCloseable {
    private final TestNode node;
    private final FakePeer peer;
    private final SignedHttp http;
    private final TestActor reader;

    private NodeUnderTest(TestNode node, FakePeer peer, SignedHttp http, TestActor reader) {
        this.node = node;
        this.peer = peer;
        this.http = http;
        this.reader = reader;
    }

    static NodeUnderTest start(String department, String... employees) {
        return start(department, Clock.systemUTC(), employees);
    }

    static NodeUnderTest start(String department, Clock clock, String... employees) {
        TestNode node = TestNode.start(department, clock);
        for (String employee : employees) {
            node.addEmployee(employee);
        }
        FakePeer peer = FakePeer.start(clock);
        node.assembly().peers().add(peer.authority(), "fake peer of the conformance suite");
        SignedHttp http = new SignedHttp(clock);
        peer.trustPublishedKeys(Responses.assertActivityJson(http.getUnsigned(node.baseUrl().resolve("/actor"))));
        NodeUnderTest rig = new NodeUnderTest(node, peer, http, peer.actor("reader"));
        for (String employee : employees) {
            peer.trustPublishedKeys(rig.employeeDocument(employee));
        }
        return rig;
    }

    TestNode node() {
        return node;
    }

    FakePeer peer() {
        return peer;
    }

    SignedHttp http() {
        return http;
    }

    URI url(String path) {
        return node.baseUrl().resolve(path);
    }

    /** The peer's actor that signs the suite's own fetches. */
    TestActor reader() {
        return reader;
    }

    /** An employee's actor document, fetched with a GET signed (cavage) by the peer's reader. */
    JsonObject employeeDocument(String username) {
        return Responses.assertActivityJson(http.get(employee(username), reader.signingKey(), SignatureScheme.CAVAGE));
    }

    URI sharedInbox() {
        return url("/inbox");
    }

    URI employee(String username) {
        return url("/users/" + username);
    }

    /** A fresh activity id on the fake peer's origin. */
    URI peerActivityId() {
        return peer.url("/activities/" + UUID.randomUUID());
    }

    @Override
    public void close() {
        peer.close();
        node.close();
    }
}
