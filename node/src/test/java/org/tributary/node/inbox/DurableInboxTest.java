package org.tributary.node.inbox;

import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.node.NodeAssembly;
import org.tributary.node.account.Role;
import org.tributary.node.config.NodeConfig;
import org.tributary.node.store.DerbyDataSources;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * The inbox answers 202 once the activity is stored on disk, and handlers run from the stored inbox:
 * a node that stops after accepting a Follow (before any handler ran) applies it when it comes back.
 */
class DurableInboxTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void anActivityAcceptedBeforeAStopIsAppliedAfterTheRestart(@TempDir Path dataDir) throws IOException {
        try (TestNode finance = TestNode.start("finance")) {
            finance.addEmployee("alice");
            int port = freePort();
            NodeConfig salesConfig = new NodeConfig(URI.create("http://127.0.0.1:" + port), "127.0.0.1", port,
                    dataDir, "sales", 256 * 1024, Duration.ofHours(1), Duration.ofMinutes(5));
            Path db = dataDir.resolve("db");

            NodeAssembly receivingOnly = NodeAssembly.create(salesConfig, DerbyDataSources.onDisk(db), Clock.systemUTC());
            receivingOnly.accounts().createEmployee("bob", TestNode.PASSWORD, null, Role.EMPLOYEE);
            receivingOnly.peers().add(finance.authority(), "test");
            finance.assembly().peers().add("127.0.0.1:" + port, "test");
            receivingOnly.startHttp(); // no inbox processor: handlers cannot run in this life of the node

            String alice = finance.login("alice");
            String bobId = finance.api(alice).queryParam("acct", "bob@127.0.0.1:" + port)
                    .get("/api/v1/accounts/lookup").then().statusCode(200).extract().path("id");
            finance.api(alice).post("/api/v1/accounts/" + bobId + "/follow").then().statusCode(200);
            Eventually.await("the Follow stored in sales' inbox", WAIT, () -> receivingOnly.inboxPending() == 1);
            receivingOnly.close();

            NodeAssembly restarted = NodeAssembly.create(salesConfig, DerbyDataSources.onDisk(db), Clock.systemUTC());
            try {
                restarted.start();
                Eventually.await("the stored Follow to be handled after the restart", WAIT,
                        () -> restarted.inboxPending() == 0);
                Eventually.await("alice's follow accepted by the restarted node", WAIT, () -> finance.api(alice)
                        .queryParam("id[]", bobId).get("/api/v1/accounts/relationships").then().statusCode(200)
                        .extract().<Boolean>path("[0].following"));
                finance.api(alice).get("/api/v1/accounts/" + bobId).then()
                        .body("acct", equalTo("bob@127.0.0.1:" + port));
            } finally {
                restarted.close();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
